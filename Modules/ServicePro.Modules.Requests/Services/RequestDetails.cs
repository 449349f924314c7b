namespace ServicePro.Modules.Requests.Services;

/// <summary>A request as its page shows it.</summary>
public sealed record RequestDetails(
    int Number,
    string Title,
    string Description,
    string Requester,
    RequestStatus Status,
    string? AssignedTo,
    string CreatedBy,
    DateTime CreatedAt,
    DateTime UpdatedAt);
