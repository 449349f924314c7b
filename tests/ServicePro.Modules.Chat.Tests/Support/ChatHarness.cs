using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;
using ServicePro.Contracts.Cluster;
using ServicePro.Contracts.Events;
using ServicePro.Contracts.Requests;
using ServicePro.Contracts.Users;
using ServicePro.Modules.Chat.Application;
using ServicePro.Modules.Chat.Data;
using ServicePro.Modules.Chat.Services;
using ServicePro.Modules.Chat.Writing;

namespace ServicePro.Modules.Chat.Tests.Support;

/// <summary>
/// The chat application (its handlers and queries) on a real SQLite file, with a fake clock, recorded notifications
/// and demo reps (alice, bob, carol, dave connected; erin known but Offline), with or without the Requests module's
/// directory.
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
        collection.AddDbContextFactory<SqliteChatDbContext>(o => o.UseSqlite(connection).AddInterceptors(Commands));
        collection.AddScoped(_ => Users.Object);
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
        Leases.Setup(l => l.TryHoldAsync(It.IsAny<string>(), It.IsAny<TimeSpan>(), It.IsAny<CancellationToken>())).ReturnsAsync(true);
        Outbox = new OutboxDispatcher(Databases, Events.Object, Leases.Object, Time, Microsoft.Extensions.Options.Options.Create(options), NullLogger<OutboxDispatcher>.Instance);
        var settings = Microsoft.Extensions.Options.Options.Create(options);
        var closer = new SessionCloser(Notifier, Outbox, settings);
        Broadcaster = new PresenceBroadcaster(Notifier, settings, Time, NullLogger<PresenceBroadcaster>.Instance);
        App = new ChatApplication(
            new StartSessionHandler(Writer, Notifier, requests),
            new InviteHandler(Writer, Databases, _services.GetRequiredService<IServiceScopeFactory>(), Presence, Notifier, settings),
            new InvitationAnswerHandler(Writer, Notifier),
            new SendMessageHandler(Writer, Notifier),
            new LeaveSessionHandler(Writer, closer, Notifier),
            new ChatTimeHandler(Writer, Notifier),
            new PresenceHandler(Presence, Broadcaster),
            new TypingHandler(Databases, Notifier),
            new ChatQueries(Databases, Time));
        Housekeeping = new HousekeepingHandler(Writer, Databases, Presence, closer, Notifier, Time, settings);
    }

    public ChatOptions Options { get; }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));

    public IChatDbFactory Databases { get; }

    public PresenceTracker Presence { get; }

    /// <summary>Presence changes wait here until a test flushes them (the harness runs no background loop).</summary>
    public PresenceBroadcaster Broadcaster { get; }

    public RecordingNotifier Notifier { get; } = new();

    /// <summary>Every query read through the chat's database contexts.</summary>
    public CommandRecorder Commands { get; } = new();

    public Mock<IUserDirectory> Users { get; } = new();

    public Mock<IIntegrationEventBus> Events { get; } = new();

    /// <summary>This host holds every lease (one host).</summary>
    public Mock<IHostLeases> Leases { get; } = new();

    public ChatWriter Writer { get; }

    public OutboxDispatcher Outbox { get; }

    /// <summary>The application's handlers and queries, as both adapters call them.</summary>
    public ChatApplication App { get; }

    public HousekeepingHandler Housekeeping { get; }

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
