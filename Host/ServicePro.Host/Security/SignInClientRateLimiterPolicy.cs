using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace ServicePro.Host.Security;

/// <summary>
/// ASP.NET Core's rate limiter on every sign-in post (the form, <c>/account/token</c>, <c>/account/refresh</c>): a fixed
/// window per client address, shared by the three. Pages fetched with GET are never limited. Over the limit: 429 with
/// <c>Retry-After</c>.
/// </summary>
public sealed class SignInClientRateLimiterPolicy(IOptions<SignInLimitsOptions> options) : IRateLimiterPolicy<string>
{
    public const string Name = "sign-in";

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => RejectAsync;

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (!HttpMethods.IsPost(httpContext.Request.Method))
        {
            return RateLimitPartition.GetNoLimiter(string.Empty);
        }

        var limits = options.Value;
        return RateLimitPartition.GetFixedWindowLimiter(
            httpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = limits.PermitsPerClient, Window = limits.ClientWindow, QueueLimit = 0 });
    }

    private async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var seconds = SignInGuard.RetryAfterHeader(SignInGuard.RetryAfter(context.Lease, options.Value.ClientWindow));
        var http = context.HttpContext;
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = seconds;
        var message = $"Too many sign-in attempts from this address. Try again in {seconds} seconds.";
        if (http.Request.HasFormContentType)
        {
            // The sign-in form: a browser shows this text as it is.
            await http.Response.WriteAsync(message, cancellationToken);
            return;
        }

        await Results.Problem(message, statusCode: StatusCodes.Status429TooManyRequests).ExecuteAsync(http);
    }
}
