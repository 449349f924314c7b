namespace ServicePro.Modules.Chat.Application;

/// <summary>
/// A refused chat action: the caller's mistake or a rule of the session. <see cref="Code"/> is one of
/// <see cref="ChatConstants.Errors"/>; <see cref="Exception.Message"/> is the explanation a rep reads. The hub answers
/// it as <c>CODE: explanation</c>.
/// </summary>
public sealed class ChatException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}
