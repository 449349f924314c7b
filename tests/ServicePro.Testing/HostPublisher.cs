namespace ServicePro.Testing;

/// <summary>Publishes the host as README says (<c>dotnet publish Host/ServicePro.Host -c Release -o dir</c>).</summary>
public static class HostPublisher
{
    /// <summary>Publishes into <paramref name="outputDirectory"/>, or throws with the publish's output.</summary>
    public static Task PublishAsync(string outputDirectory, CancellationToken cancellationToken) =>
        // The test run's build has restored every project already.
        new DotnetCli().RunAsync(
            TestPaths.RepositoryRoot,
            cancellationToken,
            "publish", Path.Combine("Host", "ServicePro.Host"), "-c", "Release", "-o", outputDirectory, "--no-restore", "--disable-build-servers", "-nologo", "-v", "quiet");
}
