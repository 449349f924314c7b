namespace ServicePro.Modules.Requests.Services;

/// <summary>Where a service request stands. Stored as its number: never reorder.</summary>
public enum RequestStatus
{
    New = 0,
    InProgress = 1,
    Resolved = 2,
    Closed = 3,
}
