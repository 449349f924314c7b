using System.Security.Claims;
using ServicePro.Contracts.Security;

namespace ServicePro.Modules.Requests.Services;

/// <summary>Who may read a chat's transcript: <c>Privileged</c> reps, and those who took part.</summary>
public static class TranscriptAccess
{
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
