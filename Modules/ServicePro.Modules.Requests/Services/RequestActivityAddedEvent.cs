using ServicePro.Contracts.Events;

namespace ServicePro.Modules.Requests.Services;

/// <summary>
/// Published when a request's Activity Stream grows, so that every open page of it refreshes — on every host of the
/// deployment (<see cref="IClusterEvent"/>).
/// </summary>
/// <param name="RequestNumber">The request.</param>
public sealed record RequestActivityAddedEvent(int RequestNumber) : IClusterEvent;
