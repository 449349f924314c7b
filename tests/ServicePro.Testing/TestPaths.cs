using System.Reflection;

namespace ServicePro.Testing;

/// <summary>Where the built host and the repository are, as recorded at build time.</summary>
public static class TestPaths
{
    public static string HostDirectory { get; } = Metadata("ServiceProHostDir");

    public static string RepositoryRoot { get; } = Metadata("ServiceProRoot");

    public static string HostAssembly => Path.Combine(HostDirectory, "ServicePro.Host.dll");

    public static string ModulesDirectory => Path.Combine(HostDirectory, "modules");

    /// <summary>The built Probe test module (a tile, a navigation entry, a page and an endpoint).</summary>
    public static string ProbeModuleAssembly { get; } = Path.GetFullPath(Path.Combine(
        RepositoryRoot, "tests", "Fixtures", "ServicePro.TestModules.Probe", "bin",
        new DirectoryInfo(HostDirectory.TrimEnd('/')).Parent!.Name, "net10.0", "ServicePro.TestModules.Probe.dll"));

    /// <summary>The built ChatRecorder test module (records every chat-ended event it handles).</summary>
    public static string ChatRecorderModuleAssembly { get; } = Path.GetFullPath(Path.Combine(
        RepositoryRoot, "tests", "Fixtures", "ServicePro.TestModules.ChatRecorder", "bin",
        new DirectoryInfo(HostDirectory.TrimEnd('/')).Parent!.Name, "net10.0", "ServicePro.TestModules.ChatRecorder.dll"));

    private static string Metadata(string key) =>
        typeof(TestPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"Assembly metadata {key} is missing.");
}
