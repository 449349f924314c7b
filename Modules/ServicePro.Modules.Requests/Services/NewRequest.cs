namespace ServicePro.Modules.Requests.Services;

/// <summary>What a rep fills in to create a request; only the title is required.</summary>
public sealed record NewRequest(string? Title, string? Description = null, string? Requester = null, string? AssignedTo = null);
