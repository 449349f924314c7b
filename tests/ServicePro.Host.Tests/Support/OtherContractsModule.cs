using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ServicePro.Host.Tests.Support;

/// <summary>
/// A module built against a ServicePro.Contracts of another version, as a developer with another package would build
/// one: Roslyn compiles a Contracts with that assembly version (only <c>IServiceProModule.Id</c>) and a module
/// referencing it. Only the module is written out; the host supplies Contracts, as for any module.
/// </summary>
internal static class OtherContractsModule
{
    public const string AssemblyName = "Acme.Other";

    public const string ModuleId = "other";

    /// <summary>Writes <c>Acme.Other.dll</c> into a new temporary folder and returns its path.</summary>
    public static string Build(Version contractsVersion)
    {
        var runtime = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        MetadataReference[] framework =
        [
            MetadataReference.CreateFromFile(typeof(object).Assembly.Location),
            MetadataReference.CreateFromFile(Path.Combine(runtime, "System.Runtime.dll")),
        ];

        var contracts = Compile("ServicePro.Contracts", $$"""
            [assembly: System.Reflection.AssemblyVersion("{{contractsVersion}}")]
            namespace ServicePro.Contracts.Modules;
            public interface IServiceProModule { string Id { get; } }
            """, framework);
        var module = Compile(AssemblyName, $$"""
            namespace Acme.Other;
            public sealed class OtherModule : ServicePro.Contracts.Modules.IServiceProModule { public string Id => "{{ModuleId}}"; }
            """, [.. framework, MetadataReference.CreateFromImage(contracts)]);

        var path = Path.Combine(Directory.CreateTempSubdirectory("servicepro-other-contracts-").FullName, AssemblyName + ".dll");
        File.WriteAllBytes(path, module);
        return path;
    }

    private static byte[] Compile(string assemblyName, string source, IEnumerable<MetadataReference> references)
    {
        var compilation = CSharpCompilation.Create(
            assemblyName,
            [CSharpSyntaxTree.ParseText(source)],
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        Assert.IsTrue(result.Success, string.Join("\n", result.Diagnostics));
        return image.ToArray();
    }
}
