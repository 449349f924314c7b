namespace ServicePro.Modules.Requests.Services;

/// <summary>A chat session names a request that is not (yet) in the database.</summary>
public sealed class RequestNotFoundException(int number)
    : Exception(RequestService.NotFound(number))
{
    public int Number { get; } = number;
}
