using Microsoft.AspNetCore.SignalR;
using ServicePro.Modules.Chat.Application;
using ServicePro.Modules.Chat.Notifications;

namespace ServicePro.Modules.Chat.Hubs;

/// <summary>
/// The chat hub: the adapter for outside clients (JavaScript, .NET, tools; see docs/chat-hub-api.md). The shell's own UI
/// calls the same application in process instead. The caller is always the connection's signed-in user; the rules live
/// in the handlers of <see cref="ChatApplication"/>.
/// </summary>
public sealed class ChatHub(ChatApplication chat) : Hub<IChatClient>
{
    private ChatCaller Caller => ChatCaller.From(Context.User);

    public override async Task OnConnectedAsync()
    {
        await Groups.AddToGroupAsync(Context.ConnectionId, ChatNotifier.UserGroup(Caller.UserName), Context.ConnectionAborted);
        await chat.Presence.ConnectedAsync(Caller, Context.ConnectionId);
        await base.OnConnectedAsync();
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        if (Context.User?.Identity?.Name is { Length: > 0 } user)
        {
            await chat.Presence.DisconnectedAsync(new ChatCaller(user), Context.ConnectionId);
        }

        await base.OnDisconnectedAsync(exception);
    }

    public Task<ChatSessionDto> StartSession(int? requestNumber) => chat.Start.HandleAsync(Caller, requestNumber, Context.ConnectionAborted);

    public Task<ChatSessionDto> GetSession(Guid sessionId) => chat.Queries.GetSessionAsync(Caller, sessionId, Context.ConnectionAborted);

    public Task<IReadOnlyList<ChatEntryDto>> GetEntries(Guid sessionId, long afterSequence) =>
        chat.Queries.GetEntriesAsync(Caller, sessionId, afterSequence, Context.ConnectionAborted);

    public Task<IReadOnlyList<ChatInvitationDto>> Invite(Guid sessionId, string[] userNames) =>
        chat.Invite.HandleAsync(Caller, sessionId, userNames, Context.ConnectionAborted);

    public Task<ChatSessionDto> AcceptInvitation(Guid invitationId) => chat.Answer.AcceptAsync(Caller, invitationId, Context.ConnectionAborted);

    public Task<ChatInvitationDto> DeclineInvitation(Guid invitationId) => chat.Answer.DeclineAsync(Caller, invitationId, Context.ConnectionAborted);

    public Task Typing(Guid sessionId) => chat.Typing.HandleAsync(Caller, sessionId, Context.ConnectionAborted);

    public Task<IReadOnlyList<ChatSessionDto>> GetMyLiveSessions() => chat.Queries.GetMyLiveSessionsAsync(Caller, Context.ConnectionAborted);

    public Task<IReadOnlyList<ChatInvitationDto>> GetMyInvitations() => chat.Queries.GetMyInvitationsAsync(Caller, Context.ConnectionAborted);

    public Task<ChatEntryDto> SendMessage(SendMessageRequest request) => chat.Send.HandleAsync(Caller, request, Context.ConnectionAborted);

    public Task<SessionEndedDto?> LeaveSession(Guid sessionId) => chat.Leave.HandleAsync(Caller, sessionId, Context.ConnectionAborted);

    public Task<ChatTimeDto> PauseChatTime(Guid sessionId) => chat.ChatTime.PauseAsync(Caller, sessionId, Context.ConnectionAborted);

    public Task<ChatTimeDto> ResumeChatTime(Guid sessionId) => chat.ChatTime.ResumeAsync(Caller, sessionId, Context.ConnectionAborted);

    public Task<ChatTimeDto> SetChatTime(Guid sessionId, TimeSpan value) => chat.ChatTime.SetAsync(Caller, sessionId, value, Context.ConnectionAborted);

    public Task SetPresence(PresenceStatus status) => chat.Presence.SetAsync(Caller, status);

    public Task<IReadOnlyList<PresenceDto>> GetPresence() => Task.FromResult(chat.Presence.Online());

    /// <summary>A file, streamed by the client in chunks (SignalR's 32 KB message limit); see docs/chat-hub-api.md.</summary>
    /// <remarks>The handler comes from DI as a parameter (SignalR resolves registered services), so this hub's constructor stays as it is.</remarks>
    public Task<ChatEntryDto> UploadAttachment(UploadAttachmentRequest request, IAsyncEnumerable<byte[]> content, UploadAttachmentHandler upload) =>
        upload.HandleAsync(Caller, request, content, Context.ConnectionAborted);

    public Task<IReadOnlyList<ChatSessionSummaryDto>> GetMySessions() => chat.Queries.GetMySessionsAsync(Caller, 50, Context.ConnectionAborted);
}
