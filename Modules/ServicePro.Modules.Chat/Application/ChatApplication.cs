namespace ServicePro.Modules.Chat.Application;

/// <summary>
/// The Chat module's one application API: a handler per use case and the queries. Both adapters — the hub for outside
/// clients and the shell's in-process <see cref="Shell.CircuitChat"/> — call these, always as the signed-in caller.
/// </summary>
public sealed class ChatApplication(
    StartSessionHandler start,
    InviteHandler invite,
    InvitationAnswerHandler answer,
    SendMessageHandler send,
    LeaveSessionHandler leave,
    ChatTimeHandler chatTime,
    PresenceHandler presence,
    TypingHandler typing,
    ChatQueries queries)
{
    public StartSessionHandler Start { get; } = start;

    public InviteHandler Invite { get; } = invite;

    public InvitationAnswerHandler Answer { get; } = answer;

    public SendMessageHandler Send { get; } = send;

    public LeaveSessionHandler Leave { get; } = leave;

    public ChatTimeHandler ChatTime { get; } = chatTime;

    public PresenceHandler Presence { get; } = presence;

    public TypingHandler Typing { get; } = typing;

    public ChatQueries Queries { get; } = queries;
}
