using System.Text.Json;
using ServicePro.Contracts.Chat;
using ServicePro.Testing;

namespace ServicePro.Modules.Chat.Tests.Support;

/// <summary>
/// Two hosts with the Chat module as one deployment (one PostgreSQL database, one Redis: <see cref="ScaleOutSettings"/>),
/// each with its own chat-ended recorder file; short times so that leases, expiry and takeovers happen in seconds.
/// </summary>
public sealed class TwoHosts : IAsyncDisposable
{
    private readonly string _folder;

    private TwoHosts(string folder, HostProcess a, HostProcess b)
    {
        _folder = folder;
        A = a;
        B = b;
    }

    public HostProcess A { get; }

    public HostProcess B { get; }

    public static TimeSpan LeaseDuration { get; } = TimeSpan.FromSeconds(2);

    /// <summary>An invitation expiry short enough for a test to watch one expire.</summary>
    public static TimeSpan ShortInvitationExpiry { get; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Starts both hosts. Invitations expire after the product's default unless <paramref name="invitationExpiry"/> is
    /// given: only a test about expiry wants it short, since under load an Invite → Accept can take longer than that.
    /// </summary>
    public static async Task<TwoHosts> StartAsync(CancellationToken cancellationToken, TimeSpan? invitationExpiry = null)
    {
        var deployment = await ScaleOutSettings.SharedAsync(cancellationToken);
        var folder = deployment.Folder;
        var settings = new Dictionary<string, string>(Settings);
        if (invitationExpiry is { } expiry)
        {
            settings["Modules:chat:InvitationExpiry"] = expiry.ToString();
        }

        // One after the other: the first migrates and seeds the shared database.
        var a = await ChatHostFixture.StartAsync(RecordFile(folder, "a"), deployment.With(settings), cancellationToken);
        try
        {
            var b = await ChatHostFixture.StartAsync(RecordFile(folder, "b"), deployment.With(settings), cancellationToken);
            return new TwoHosts(folder, a, b);
        }
        catch
        {
            await a.DisposeAsync();
            throw;
        }
    }

    /// <summary>Waits until one of the two says it holds <paramref name="lease"/>; returns it first, then the other.</summary>
    public async Task<(HostProcess Holder, HostProcess Other)> HolderOfAsync(string lease)
    {
        var said = $"now holds lease {lease}";
        var waits = new[] { A.WaitForOutputAsync(said, TimeSpan.FromSeconds(30)), B.WaitForOutputAsync(said, TimeSpan.FromSeconds(30)) };
        await await Task.WhenAny(waits); // throws when neither said it in time
        foreach (var wait in waits)
        {
            // The other's wait times out later: observed, not an error.
            _ = wait.ContinueWith(t => t.Exception, TaskScheduler.Default);
        }

        var holder = A.Output.Contains(said, StringComparison.Ordinal) ? A : B;
        var other = holder == A ? B : A;
        Assert.DoesNotContain(said, other.Output, "exactly one host holds the lease");
        return (holder, other);
    }

    /// <summary>Every delivery of the session's chat-ended event, on both hosts together.</summary>
    public async Task<List<ChatSessionEndedEvent>> DeliveriesAsync(Guid sessionId)
    {
        var all = new List<ChatSessionEndedEvent>();
        foreach (var file in new[] { RecordFile(_folder, "a"), RecordFile(_folder, "b") }.Where(File.Exists))
        {
            all.AddRange((await File.ReadAllLinesAsync(file)).Select(l => JsonSerializer.Deserialize<ChatSessionEndedEvent>(l)!).Where(e => e.SessionId == sessionId));
        }

        return all;
    }

    public async ValueTask DisposeAsync()
    {
        await A.DisposeAsync();
        await B.DisposeAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean.
        }
    }

    private static string RecordFile(string folder, string host) => Path.Combine(folder, $"ended-{host}.jsonl");

    private static Dictionary<string, string> Settings { get; } = new()
    {
        ["Modules:chat:HousekeepingInterval"] = "00:00:00.200",
        ["Modules:chat:OutboxPollInterval"] = "00:00:00.200",
        ["Modules:chat:LeaseDuration"] = LeaseDuration.ToString(),
    };
}
