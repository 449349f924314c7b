using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;
using ServicePro.Contracts.Events;
using ServicePro.Contracts.Requests;
using ServicePro.Contracts.Users;
using ServicePro.Modules.Chat.Data;
using ServicePro.Modules.Chat.Services;

namespace ServicePro.Modules.Chat.Tests.Support;

/// <summary>
/// The chat services on a real SQLite file, with a fake clock, recorded notifications and demo reps
/// (alice, bob, carol, dave connected; erin known but Offline).
/// </summary>
public sealed class ChatHarness : IAsyncDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("servicepro-chat-").FullName;
    private readonly ServiceProvider _services;

    private ChatHarness(ChatOptions options, IRequestDirectory? requests)
    {
        Options = options;
        var connection = $"Data Source={Path.Combine(_folder, "chat.db")};Pooling=False";
        var collection = new ServiceCollection();
        collection.AddDbContextFactory<SqliteChatDbContext>(o => o.UseSqlite(connection));
        if (requests is not null)
        {
            collection.AddSingleton(requests);
        }

        _services = collection.BuildServiceProvider();
        Databases = new ChatDbFactory<SqliteChatDbContext>(_services.GetRequiredService<IDbContextFactory<SqliteChatDbContext>>());
        Presence = new PresenceTracker(Time);
        foreach (var rep in new[] { "alice", "bob", "carol", "dave" })
        {
            Presence.Connected(rep, rep + "-1");
        }

        Users.Setup(u => u.FindAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string name, CancellationToken _) =>
                new[] { "alice", "bob", "carol", "dave", "erin" }.Contains(name.ToLowerInvariant()) ? new UserSummary(name.ToLowerInvariant(), ["Rep"]) : null);
        Writer = new ChatWriter(Databases, Time, Microsoft.Extensions.Options.Options.Create(options), NullLogger<ChatWriter>.Instance);
        Outbox = new OutboxDispatcher(Databases, Events.Object, Time, Microsoft.Extensions.Options.Options.Create(options), NullLogger<OutboxDispatcher>.Instance);
    }

    public ChatOptions Options { get; }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));

    public IChatDbFactory Databases { get; }

    public PresenceTracker Presence { get; }

    public RecordingNotifier Notifier { get; } = new();

    public Mock<IUserDirectory> Users { get; } = new();

    public Mock<IIntegrationEventBus> Events { get; } = new();

    public ChatWriter Writer { get; }

    public OutboxDispatcher Outbox { get; }

    public ChatSessionService Sessions => new(
        Writer, Databases, new ChatClock(Time), Presence, Notifier, Users.Object, Outbox, Microsoft.Extensions.Options.Options.Create(Options), _services);

    public static async Task<ChatHarness> StartAsync(ChatOptions? options = null, IRequestDirectory? requests = null)
    {
        var harness = new ChatHarness(options ?? new ChatOptions(), requests);
        await using (var db = harness.Databases.Create())
        {
            await db.Database.MigrateAsync();
        }

        await harness.Writer.StartAsync(CancellationToken.None);
        return harness;
    }

    /// <summary>Waits until a notification queued by a committed write has been sent (bounded).</summary>
    public Task<SentEvent> WaitForAsync(Func<SentEvent, bool> match) => Notifier.WaitForAsync(match);

    public async ValueTask DisposeAsync()
    {
        await Writer.StopAsync(CancellationToken.None);
        Writer.Dispose();
        Outbox.Dispose();
        await _services.DisposeAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS.
        }
    }
}
