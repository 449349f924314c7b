namespace ServicePro.Modules.Requests.Services;

/// <summary>What the list asks for: a text (number, title or requester), a status, and a page.</summary>
public sealed record RequestQuery(string? Text = null, RequestStatus? Status = null, int PageIndex = 0, int PageSize = RequestsConstants.DefaultPageSize);
