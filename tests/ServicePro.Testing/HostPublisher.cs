using System.Diagnostics;
using System.Text;

namespace ServicePro.Testing;

/// <summary>Publishes the host as README says (<c>dotnet publish Host/ServicePro.Host -c Release -o dir</c>).</summary>
public static class HostPublisher
{
    /// <summary>Publishes into <paramref name="outputDirectory"/>, or throws with the publish's output.</summary>
    public static async Task PublishAsync(string outputDirectory, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = TestPaths.RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // The test run's build has restored every project already; no build servers, so no process outlives the publish.
        foreach (var argument in new[] { "publish", Path.Combine("Host", "ServicePro.Host"), "-c", "Release", "-o", outputDirectory, "--no-restore", "--disable-build-servers", "-nologo", "-v", "quiet" })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = new Process { StartInfo = start };
        var output = new StringBuilder();
        var gate = new Lock();
        void OnLine(string? line)
        {
            if (line is not null)
            {
                lock (gate)
                {
                    output.AppendLine(line);
                }
            }
        }

        process.OutputDataReceived += (_, e) => OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        if (process.ExitCode != 0)
        {
            lock (gate)
            {
                throw new InvalidOperationException($"dotnet publish exited with {process.ExitCode}:\n{output}");
            }
        }
    }
}
