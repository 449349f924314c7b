namespace ServicePro.Modules.Requests.Services;

/// <summary>Published in-process when a request's Activity Stream grows, so that every open page of it refreshes.</summary>
/// <param name="RequestNumber">The request.</param>
public sealed record RequestActivityAddedEvent(int RequestNumber);
