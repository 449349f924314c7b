using System.Security.Claims;

namespace ServicePro.Contracts.Security;

/// <summary>
/// Who may read a chat's transcript: <c>Privileged</c> reps, and those who took part. Shared, because the transcript
/// (Requests' Activity Stream) and the files in it (Chat's attachments) must answer alike.
/// </summary>
public static class TranscriptAccess
{
    /// <summary>Whether <paramref name="viewer"/> (signed in) is <c>Privileged</c> or one of <paramref name="participants"/> (any case).</summary>
    public static bool CanRead(ClaimsPrincipal viewer, IEnumerable<string> participants)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(participants);
        if (viewer.Identity?.IsAuthenticated != true || string.IsNullOrEmpty(viewer.Identity.Name))
        {
            return false;
        }

        return viewer.IsInRole(ServiceProRoles.Privileged)
            || participants.Contains(viewer.Identity.Name, StringComparer.OrdinalIgnoreCase);
    }
}
