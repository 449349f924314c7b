using System.Reflection;
using ServicePro.Contracts.Modules;
using ServicePro.Host.Modularity;
using ServicePro.Host.Tests.Support;
using ServicePro.Testing;

namespace ServicePro.Host.Tests.Modularity;

[TestClass]
public sealed class ContractsCompatibilityTests
{
    [TestMethod]
    [DataRow("1.1.0.0", "1.1.0.0")]
    [DataRow("1.0.0.0", "1.1.0.0")]
    [DataRow("2.0.0.0", "2.3.0.0")]
    public void IsCompatible_SameMajorAndMinorUpToTheHosts_True(string builtAgainst, string host) =>
        Assert.IsTrue(ContractsCompatibility.IsCompatible(Version.Parse(builtAgainst), Version.Parse(host)));

    [TestMethod]
    [DataRow("1.2.0.0", "1.1.0.0")]
    [DataRow("2.0.0.0", "1.1.0.0")]
    [DataRow("0.9.0.0", "1.1.0.0")]
    [DataRow("1.0.0.0", "2.0.0.0")]
    public void IsCompatible_NewerMinorOrOtherMajor_False(string builtAgainst, string host) =>
        Assert.IsFalse(ContractsCompatibility.IsCompatible(Version.Parse(builtAgainst), Version.Parse(host)));

    [TestMethod]
    public void HostVersion_IsThePackagesMajorAndMinor()
    {
        var package = typeof(IServiceProModule).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion.Split('+')[0];

        Assert.AreEqual(new Version(1, 4, 0, 0), ContractsCompatibility.HostVersion);
        StringAssert.StartsWith(package, "1.4.");
    }

    [TestMethod]
    public void ReadBuiltAgainst_SampleModule_TheHostsVersion() =>
        Assert.AreEqual(ContractsCompatibility.HostVersion, ContractsCompatibility.ReadBuiltAgainst(
            Path.Combine(TestPaths.ModulesDirectory, "ServicePro.Modules.Share", "ServicePro.Modules.Share.dll")));

    [TestMethod]
    public void ReadBuiltAgainst_ModuleBuiltAgainstAnotherVersion_ThatVersion() =>
        Assert.AreEqual(new Version(1, 3, 0, 0), ContractsCompatibility.ReadBuiltAgainst(OtherContractsModule.Build(new Version(1, 3, 0, 0))));

    [TestMethod]
    public void ReadBuiltAgainst_NotAnAssembly_Null()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("contracts-").FullName, "Garbage.dll");
        File.WriteAllText(path, "this is not a PE file");

        Assert.IsNull(ContractsCompatibility.ReadBuiltAgainst(path));
    }

    [TestMethod]
    public void Reason_NamesBothVersionsAndTheAcceptedRange() =>
        Assert.AreEqual(
            "assembly 'Acme.Kudos' was built against ServicePro.Contracts 1.2, but this host has ServicePro.Contracts 1.1: it runs modules built against 1.0 to 1.1. Build the module against ServicePro.Contracts 1.1 or a version it accepts.",
            ContractsCompatibility.Reason("Acme.Kudos", new Version(1, 2, 0, 0), new Version(1, 1, 0, 0)));
}
