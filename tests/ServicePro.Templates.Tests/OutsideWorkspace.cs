using ServicePro.Testing;

namespace ServicePro.Templates.Tests;

/// <summary>
/// A temporary folder outside the repository laid out like a module developer's machine: a local feed for the
/// ServicePro.Contracts package packed from this checkout, NuGet set up to read this machine's packages but never
/// an earlier run's ServicePro.Contracts, and a template hive of its own, so the user's template list is untouched.
/// </summary>
internal sealed class OutsideWorkspace : IDisposable
{
    private const string ContractsPackageId = "servicepro.contracts";

    private OutsideWorkspace(string root)
    {
        Root = root;
        Directory.CreateDirectory(Feed);
        Directory.CreateDirectory(TemplateHive);
        Dotnet = new DotnetCli(new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(root, "nuget-packages") });
    }

    public string Root { get; }

    /// <summary>The local feed (<c>dotnet pack … -o</c>).</summary>
    public string Feed => Path.Combine(Root, "feed");

    /// <summary>For <c>dotnet new --debug:custom-hive</c>.</summary>
    public string TemplateHive => Path.Combine(Root, "template-hive");

    private string MachinePackages => Path.Combine(Root, "machine-packages");

    public DotnetCli Dotnet { get; }

    public static OutsideWorkspace Create()
    {
        var workspace = new OutsideWorkspace(Directory.CreateTempSubdirectory("servicepro-module-dev-").FullName);
        Assert.IsFalse(
            Path.GetFullPath(workspace.Root).StartsWith(Path.GetFullPath(TestPaths.RepositoryRoot), StringComparison.Ordinal),
            "the workspace must be outside the repository: no Directory.Build.props or nuget.config of ours applies there");

        // This machine's NuGet packages (EF Core, Fluent UI, MSTest, bUnit: what a developer's cache holds), as a read-only
        // fallback folder of links, without ServicePro.Contracts: that comes from the feed packed here, never from the cache
        // of an earlier run. Packages go to a folder of the workspace's own. No other source: the restore is offline.
        var machine = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        Directory.CreateDirectory(workspace.MachinePackages);
        foreach (var package in Directory.EnumerateDirectories(machine))
        {
            var id = Path.GetFileName(package);
            if (!string.Equals(id, ContractsPackageId, StringComparison.OrdinalIgnoreCase))
            {
                Directory.CreateSymbolicLink(Path.Combine(workspace.MachinePackages, id), package);
            }
        }

        File.WriteAllText(Path.Combine(workspace.Root, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
              </packageSources>
              <fallbackPackageFolders>
                <add key="machine" value="{workspace.MachinePackages}" />
              </fallbackPackageFolders>
            </configuration>
            """);
        return workspace;
    }

    /// <summary>
    /// Packs ServicePro.Contracts into <see cref="Feed"/> as README says, from a copy of its sources: the test run's
    /// other builds (a host publish) use the repository's Release output folders at the same time.
    /// </summary>
    public async Task<string> PackContractsAsync(CancellationToken cancellationToken)
    {
        var sources = Path.Combine(Root, "servicepro-sources");
        foreach (var file in new[] { "Directory.Build.props", "Directory.Packages.props", ".editorconfig" })
        {
            CopyFile(Path.Combine(TestPaths.RepositoryRoot, file), Path.Combine(sources, file));
        }

        var project = Path.Combine("Contracts", "ServicePro.Contracts");
        CopyDirectory(Path.Combine(TestPaths.RepositoryRoot, project), Path.Combine(sources, project), skipBuildOutput: true);
        await Dotnet.RunAsync(sources, cancellationToken, "pack", project, "-c", "Release", "-o", Feed, "--disable-build-servers", "-nologo", "-v", "quiet");
        return Directory.EnumerateFiles(Feed, "ServicePro.Contracts.*.nupkg").Single();
    }

    public static void CopyDirectory(string from, string to, bool skipBuildOutput = false)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            var top = relative.Split(Path.DirectorySeparatorChar)[0];
            if (skipBuildOutput && top is "bin" or "obj")
            {
                continue;
            }

            CopyFile(file, Path.Combine(to, relative));
        }
    }

    public void Dispose()
    {
        // Unlink the links first: the folders they point to are the machine's package cache.
        if (Directory.Exists(MachinePackages))
        {
            foreach (var link in Directory.EnumerateFileSystemEntries(MachinePackages))
            {
                File.Delete(link);
            }
        }

        Directory.Delete(Root, recursive: true);
    }

    private static void CopyFile(string from, string to)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(to)!);
        File.Copy(from, to, overwrite: true);
    }
}
