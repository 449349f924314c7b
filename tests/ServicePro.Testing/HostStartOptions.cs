namespace ServicePro.Testing;

/// <summary>Which host <see cref="HostProcess"/> starts, in which environment, and on whose modules.</summary>
public sealed record HostStartOptions
{
    /// <summary>The built host in Development, on the test's own modules.config.</summary>
    public static HostStartOptions Default { get; } = new();

    /// <summary>The ASP.NET Core environment (<c>ASPNETCORE_ENVIRONMENT</c>).</summary>
    public string Environment { get; init; } = "Development";

    /// <summary>The folder holding <c>ServicePro.Host.dll</c>, also the content root: the built host unless a published one is named.</summary>
    public string HostDirectory { get; init; } = TestPaths.HostDirectory;

    /// <summary>
    /// True: the host reads the <c>modules.config</c> and <c>modules</c> folder beside it, as shipped. False: the
    /// test's temporary modules.config and the built host's modules folder.
    /// </summary>
    public bool ShippedModules { get; init; }
}
