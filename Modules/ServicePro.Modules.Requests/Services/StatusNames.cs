namespace ServicePro.Modules.Requests.Services;

/// <summary>How statuses read to a rep.</summary>
public static class StatusNames
{
    public static IReadOnlyList<RequestStatus> All { get; } = [RequestStatus.New, RequestStatus.InProgress, RequestStatus.Resolved, RequestStatus.Closed];

    public static string Display(RequestStatus status) => status switch
    {
        RequestStatus.InProgress => "In progress",
        _ => status.ToString(),
    };

    /// <summary>Reads a status from its name (<c>InProgress</c>) or its display text (<c>In progress</c>).</summary>
    public static bool TryParse(string? text, out RequestStatus status)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(text, candidate.ToString(), StringComparison.OrdinalIgnoreCase)
                || string.Equals(text, Display(candidate), StringComparison.OrdinalIgnoreCase))
            {
                status = candidate;
                return true;
            }
        }

        status = default;
        return false;
    }
}
