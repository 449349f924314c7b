using Microsoft.AspNetCore.SignalR;
using ServicePro.Modules.Chat.Services;

namespace ServicePro.Modules.Chat.Hubs;

/// <summary>
/// The chat hub, the only way any client talks chat (see docs/chat-hub-api.md). The caller is always the signed-in
/// user; the rules live in <see cref="ChatSessionService"/>.
/// </summary>
public sealed class ChatHub(ChatSessionService sessions, PresenceTracker presence, IChatNotifier notifier) : Hub<IChatClient>
{
    private string Caller => Context.User?.Identity?.Name
        ?? throw new HubException("Not signed in.");

    public override async Task OnConnectedAsync()
    {
        await Groups.AddToGroupAsync(Context.ConnectionId, HubChatNotifier.UserGroup(Caller), Context.ConnectionAborted);
        if (presence.Connected(Caller, Context.ConnectionId) is { } changed)
        {
            await notifier.ToEveryoneAsync(c => c.PresenceChanged(changed));
        }

        await base.OnConnectedAsync();
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        if (Context.User?.Identity?.Name is { } user && presence.Disconnected(user, Context.ConnectionId) is { } changed)
        {
            await notifier.ToEveryoneAsync(c => c.PresenceChanged(changed));
        }

        await base.OnDisconnectedAsync(exception);
    }

    public Task<ChatSessionDto> StartSession(int? requestNumber) => sessions.StartSessionAsync(Caller, requestNumber, Context.ConnectionAborted);

    public Task<ChatSessionDto> GetSession(Guid sessionId) => sessions.GetSessionAsync(Caller, sessionId, Context.ConnectionAborted);

    public Task<IReadOnlyList<ChatEntryDto>> GetEntries(Guid sessionId, long afterSequence) =>
        sessions.GetEntriesAsync(Caller, sessionId, afterSequence, Context.ConnectionAborted);

    public Task<IReadOnlyList<ChatInvitationDto>> Invite(Guid sessionId, string[] userNames) =>
        sessions.InviteAsync(Caller, sessionId, userNames, Context.ConnectionAborted);

    public Task<ChatSessionDto> AcceptInvitation(Guid invitationId) => sessions.AcceptInvitationAsync(Caller, invitationId, Context.ConnectionAborted);

    public Task<ChatInvitationDto> DeclineInvitation(Guid invitationId) => sessions.DeclineInvitationAsync(Caller, invitationId, Context.ConnectionAborted);

    public Task Typing(Guid sessionId) => sessions.TypingAsync(Caller, sessionId, Context.ConnectionAborted);

    public Task<IReadOnlyList<ChatSessionDto>> GetMyLiveSessions() => sessions.GetMyLiveSessionsAsync(Caller, Context.ConnectionAborted);

    public Task<IReadOnlyList<ChatInvitationDto>> GetMyInvitations() => sessions.GetMyInvitationsAsync(Caller, Context.ConnectionAborted);

    // The write is not cancelled with the connection: once queued it is stored, and a resend returns its result.
    public Task<ChatEntryDto> SendMessage(SendMessageRequest request) => sessions.SendMessageAsync(
        Caller,
        request ?? throw new ChatHubException(ChatConstants.Errors.ArgumentInvalid, "SendMessage takes a SendMessageRequest object, not null."),
        CancellationToken.None);

    public Task<SessionEndedDto?> LeaveSession(Guid sessionId) => sessions.LeaveSessionAsync(Caller, sessionId, CancellationToken.None);

    public Task<ChatTimeDto> PauseChatTime(Guid sessionId) => sessions.PauseChatTimeAsync(Caller, sessionId, CancellationToken.None);

    public Task<ChatTimeDto> ResumeChatTime(Guid sessionId) => sessions.ResumeChatTimeAsync(Caller, sessionId, CancellationToken.None);

    public Task<ChatTimeDto> SetChatTime(Guid sessionId, TimeSpan value) => sessions.SetChatTimeAsync(Caller, sessionId, value, CancellationToken.None);

    public async Task SetPresence(PresenceStatus status)
    {
        if (presence.Set(Caller, status) is { } changed)
        {
            await notifier.ToEveryoneAsync(c => c.PresenceChanged(changed));
        }
    }

    public Task<IReadOnlyList<PresenceDto>> GetPresence() => Task.FromResult(presence.Online());

    public Task<IReadOnlyList<ChatSessionSummaryDto>> GetMySessions() => sessions.GetMySessionsAsync(Caller, 50, Context.ConnectionAborted);
}
