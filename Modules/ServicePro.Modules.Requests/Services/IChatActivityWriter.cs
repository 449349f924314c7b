using ServicePro.Contracts.Chat;

namespace ServicePro.Modules.Requests.Services;

/// <summary>Stores a chat session as one entry of its request's Activity Stream.</summary>
public interface IChatActivityWriter
{
    /// <summary>
    /// Adds the session's entry. Returns <c>false</c> when the session is already recorded (nothing is added); throws
    /// <see cref="RequestNotFoundException"/> for an unknown request, and whatever the database throws.
    /// </summary>
    Task<bool> AppendAsync(ChatSessionEndedEvent session, CancellationToken cancellationToken);
}
