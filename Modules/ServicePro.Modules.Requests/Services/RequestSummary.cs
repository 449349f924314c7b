namespace ServicePro.Modules.Requests.Services;

/// <summary>One row of the request list.</summary>
public sealed record RequestSummary(int Number, string Title, string Requester, RequestStatus Status, string? AssignedTo, DateTime UpdatedAt);
