namespace ServicePro.Modules.Requests.Services;

/// <summary>The outcome of a change: the value, or the message for the rep when nothing was changed.</summary>
public sealed record RequestResult<T>(T? Value, string? Error)
{
    public bool Succeeded => Error is null;

    public static RequestResult<T> Ok(T value) => new(value, null);

    public static RequestResult<T> Fail(string error) => new(default, error);
}
