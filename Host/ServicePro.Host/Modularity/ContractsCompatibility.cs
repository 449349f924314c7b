using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using ServicePro.Contracts.Modules;

namespace ServicePro.Host.Modularity;

/// <summary>
/// Which modules this host can run, by the ServicePro.Contracts version each was built against: the same major version
/// and a minor version up to the host's. A newer minor may call members this host lacks; another major may rely on
/// members that changed. Read from the module's metadata before it is loaded, so an incompatible module fails with
/// this reason instead of a type-load error.
/// </summary>
public static class ContractsCompatibility
{
    public const string ContractsAssemblyName = "ServicePro.Contracts";

    /// <summary>The Contracts version this host carries (and hands to every module).</summary>
    public static Version HostVersion { get; } = typeof(IServiceProModule).Assembly.GetName().Version!;

    public static bool IsCompatible(Version builtAgainst, Version host)
    {
        ArgumentNullException.ThrowIfNull(builtAgainst);
        ArgumentNullException.ThrowIfNull(host);
        return builtAgainst.Major == host.Major && builtAgainst.Minor <= host.Minor;
    }

    /// <summary>
    /// The Contracts version the assembly at <paramref name="assemblyPath"/> references, or <c>null</c> when it
    /// references none or is not a .NET assembly (the loader then says why it cannot be a module).
    /// </summary>
    public static Version? ReadBuiltAgainst(string assemblyPath)
    {
        try
        {
            using var stream = File.OpenRead(assemblyPath);
            using var pe = new PEReader(stream);
            if (!pe.HasMetadata)
            {
                return null;
            }

            var metadata = pe.GetMetadataReader();
            foreach (var handle in metadata.AssemblyReferences)
            {
                var reference = metadata.GetAssemblyReference(handle);
                if (metadata.StringComparer.Equals(reference.Name, ContractsAssemblyName))
                {
                    return reference.Version;
                }
            }

            return null;
        }
        catch (BadImageFormatException)
        {
            return null;
        }
    }

    /// <summary>The reason shown on Admin → Modules for a module built against an incompatible version.</summary>
    public static string Reason(string assembly, Version builtAgainst, Version host) =>
        $"assembly '{assembly}' was built against {ContractsAssemblyName} {Format(builtAgainst)}, but this host has {ContractsAssemblyName} {Format(host)}: "
        + $"it runs modules built against {host.Major}.0 to {Format(host)}. Build the module against {ContractsAssemblyName} {Format(host)} or a version it accepts.";

    // Major.minor: the assembly version carries no patch number (see the Contracts project).
    private static string Format(Version version) => $"{version.Major}.{version.Minor}";
}
