using Microsoft.AspNetCore.Identity;

namespace ServicePro.Host.Security;

/// <summary>A sign-in that was not tried: too many wrong passwords for this account from this client, or too many sign-ins waiting.</summary>
public sealed class SignInThrottledResult : SignInResult
{
    public SignInThrottledResult(TimeSpan retryAfter, bool busy)
    {
        RetryAfter = retryAfter;
        Busy = busy;
    }

    /// <summary>When the client may try again (never less than a second).</summary>
    public TimeSpan RetryAfter { get; }

    /// <summary><c>true</c> when the host is busy checking passwords (503), <c>false</c> when this client is throttled (429).</summary>
    public bool Busy { get; }

    public int StatusCode => Busy ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status429TooManyRequests;

    public string RetryAfterSeconds => SignInGuard.RetryAfterHeader(RetryAfter);

    public string Message => Busy
        ? "The server is busy signing other people in. Try again in a moment."
        : "Too many failed sign-ins for this user from this address. Try again later.";

    public override string ToString() => Busy ? "Busy" : "Throttled";
}
