namespace ServicePro.Modules.Requests.Services;

/// <summary>One page of the request list, newest first, and how many requests match in all.</summary>
public sealed record PagedRequests(IReadOnlyList<RequestSummary> Items, int Total, int PageIndex, int PageSize)
{
    public static PagedRequests Empty { get; } = new([], 0, 0, RequestsConstants.DefaultPageSize);

    public int PageCount => Total == 0 ? 1 : (Total + PageSize - 1) / PageSize;

    public bool HasPrevious => PageIndex > 0;

    public bool HasNext => PageIndex + 1 < PageCount;
}
