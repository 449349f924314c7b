using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Microsoft.FluentUI.AspNetCore.Components;
using PresenceStatus = ServicePro.Chat.Protocol.PresenceStatus;
using Moq;
using ServicePro.Contracts.Security;
using ServicePro.Contracts.Users;
using ServicePro.Modules.Chat.Shell;

namespace ServicePro.Modules.Chat.Tests.Components;

/// <summary>A bUnit context for chat components: the real shell and view models over a mocked chat service, signed in as alice.</summary>
public sealed class ChatComponentContext : IAsyncDisposable
{
    public static readonly Guid Session = Guid.Parse("6f1c9d6e-3c55-4e1d-9a55-0d6b7f7a0001");
    public static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);

    public ChatComponentContext(string user = "alice", IUserDisplayNames? displayNames = null)
    {
        User = user;
        Context.JSInterop.Mode = JSRuntimeMode.Loose;
        Context.Services.AddFluentUIComponents();
        Context.Services.AddSingleton<TimeProvider>(Time);
        Context.Services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        Context.Services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        Context.Services.AddSingleton<IUserDirectory>(new DemoUsers());
        if (displayNames is not null)
        {
            Context.Services.AddSingleton(displayNames);
        }

        Context.Services.AddSingleton(Chat.Object);
        Context.Services.AddSingleton(Attachments.Object);
        Context.Services.AddScoped<ChatShell>();
        Context.AddAuthorization().SetAuthorized(user);
        Context.Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        Chat.Setup(c => c.GetPresenceAsync(It.IsAny<CancellationToken>())).ReturnsAsync(
        [
            new PresenceDto("alice", PresenceStatus.Available),
            new PresenceDto("bob", PresenceStatus.Busy),
            new PresenceDto("carol", PresenceStatus.Available),
        ]);
        Chat.Setup(c => c.GetMyInvitationsAsync(It.IsAny<CancellationToken>())).ReturnsAsync([]);
        Chat.Setup(c => c.GetSessionAsync(Session, It.IsAny<CancellationToken>())).ReturnsAsync(() => SessionDto);
        Chat.Setup(c => c.GetEntriesAsync(Session, 0, It.IsAny<CancellationToken>())).ReturnsAsync(() => Entries);
        Chat.Setup(c => c.StartSessionAsync(It.IsAny<int?>(), It.IsAny<CancellationToken>())).ReturnsAsync(() => SessionDto);
    }

    public BunitContext Context { get; } = new();

    public Mock<IShellChat> Chat { get; } = new();

    public Mock<ServicePro.Modules.Chat.Application.IChatAttachmentsApi> Attachments { get; } = new();

    public FakeTimeProvider Time { get; } = new(Now);

    public string User { get; }

    public ChatSessionDto SessionDto { get; set; } = new(Session, 7, "Printer", "alice", ["alice", "bob"], Now, null, new ChatTimeDto(Session, TimeSpan.FromMinutes(3), true, Now), 2);

    public List<ChatEntryDto> Entries { get; } =
    [
        Entry(1, TranscriptLineKind.Joined, "alice", string.Empty),
        Entry(2, TranscriptLineKind.Joined, "bob", string.Empty),
    ];

    public ChatShell Shell => Context.Services.GetRequiredService<ChatShell>();

    public static ChatEntryDto Entry(long sequence, TranscriptLineKind kind, string author, string text, string? offTheRecordWith = null) =>
        new(Session, sequence, kind, author, text, Now, null, offTheRecordWith);

    /// <summary>Starts chat in the shell as the Popups view would, on the renderer's dispatcher.</summary>
    public Task StartShellAsync() => Shell.EnsureStartedAsync(action =>
    {
        action();
        return Task.CompletedTask;
    });

    public ValueTask DisposeAsync() => Context.DisposeAsync();

    private sealed class DemoUsers : IUserDirectory
    {
        private static readonly UserSummary[] Users =
        [
            new("admin", [ServiceProRoles.Administrator, ServiceProRoles.Privileged, ServiceProRoles.Rep]),
            new("alice", [ServiceProRoles.Rep]),
            new("bob", [ServiceProRoles.Rep]),
            new("carol", [ServiceProRoles.Privileged, ServiceProRoles.Rep]),
        ];

        public Task<IReadOnlyList<UserSummary>> ListAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<UserSummary>>(Users);

        public Task<UserSummary?> FindAsync(string userName, CancellationToken cancellationToken) =>
            Task.FromResult(Users.FirstOrDefault(u => u.UserName == userName));
    }
}
