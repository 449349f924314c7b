namespace ServicePro.Modules.Requests.Services;

/// <summary>The Workbench tile: the rep's open requests (newest first) and how many of theirs are in each status.</summary>
public sealed record RequestTileSummary(IReadOnlyList<RequestSummary> Open, IReadOnlyDictionary<RequestStatus, int> CountsByStatus);
