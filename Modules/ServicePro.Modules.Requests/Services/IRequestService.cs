using System.Security.Claims;

namespace ServicePro.Modules.Requests.Services;

/// <summary>
/// Service requests for the signed-in rep. Every change takes the acting rep from the sign-in
/// (<see cref="ClaimsPrincipal"/>) and checks what they may do; bad input is refused with a message and changes nothing.
/// </summary>
public interface IRequestService
{
    Task<PagedRequests> ListAsync(RequestQuery query, CancellationToken cancellationToken);

    Task<RequestTileSummary> GetTileSummaryAsync(ClaimsPrincipal rep, CancellationToken cancellationToken);

    Task<RequestDetails?> FindAsync(int number, CancellationToken cancellationToken);

    /// <summary>The Activity Stream, oldest first, with chat transcripts only where <paramref name="viewer"/> may read them.</summary>
    Task<IReadOnlyList<ActivityView>> GetActivityAsync(int number, ClaimsPrincipal viewer, CancellationToken cancellationToken);

    Task<RequestResult<RequestDetails>> CreateAsync(NewRequest request, ClaimsPrincipal actor, CancellationToken cancellationToken);

    Task<RequestResult<RequestDetails>> ChangeStatusAsync(int number, RequestStatus status, ClaimsPrincipal actor, CancellationToken cancellationToken);

    /// <summary>Assigns the request to a user, or to nobody when <paramref name="assignee"/> is empty.</summary>
    Task<RequestResult<RequestDetails>> AssignAsync(int number, string? assignee, ClaimsPrincipal actor, CancellationToken cancellationToken);

    Task<RequestResult<RequestDetails>> AddNoteAsync(int number, string? note, ClaimsPrincipal actor, CancellationToken cancellationToken);
}
