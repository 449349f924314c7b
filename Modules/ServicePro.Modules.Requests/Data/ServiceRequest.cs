using ServicePro.Modules.Requests.Services;

namespace ServicePro.Modules.Requests.Data;

/// <summary>A service request as stored. <see cref="Number"/> is the store-generated key: sequential and unique.</summary>
public sealed class ServiceRequest
{
    public int Number { get; set; }

    public required string Title { get; set; }

    public string Description { get; set; } = string.Empty;

    public string Requester { get; set; } = string.Empty;

    public RequestStatus Status { get; set; }

    /// <summary>The user name of the assigned rep, or <c>null</c>.</summary>
    public string? AssignedTo { get; set; }

    public required string CreatedBy { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public List<ActivityEntry> Activity { get; } = [];
}
