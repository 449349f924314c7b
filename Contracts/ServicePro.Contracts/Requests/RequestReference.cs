namespace ServicePro.Contracts.Requests;

/// <summary>Identifies a service request to other modules: its number and title.</summary>
/// <param name="Number">The request number, sequential and unique.</param>
/// <param name="Title">The request's title.</param>
public sealed record RequestReference(int Number, string Title);
