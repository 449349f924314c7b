using Microsoft.AspNetCore.Components;
using Microsoft.Net.Http.Headers;

namespace ServicePro.Host.Security;

/// <summary>
/// Adds <c>X-Content-Type-Options</c>, <c>Referrer-Policy</c> and <c>Content-Security-Policy</c> to every response, as it
/// starts: by then the endpoint is known (its import map decides the policy), and headers cleared by the exception
/// handler are set again for the error page.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    /// <summary>
    /// Full URLs only to the shell itself. Not <c>no-referrer</c>: under it a browser sends <c>Origin: null</c> with the
    /// circuit's own negotiate POST, which <see cref="CookieOriginCheck"/> would then refuse.
    /// </summary>
    public const string ReferrerPolicy = "same-origin";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(static state =>
        {
            var http = (HttpContext)state;
            var headers = http.Response.Headers;
            headers[HeaderNames.XContentTypeOptions] = "nosniff";
            headers["Referrer-Policy"] = ReferrerPolicy;
            headers[HeaderNames.ContentSecurityPolicy] = ContentSecurityPolicy.For(http.GetEndpoint()?.Metadata.GetMetadata<ImportMapDefinition>());
            return Task.CompletedTask;
        }, context);
        return next(context);
    }
}
