namespace ServicePro.Host.Diagnostics;

/// <summary>
/// What no log may hold, whatever level an operator turns on: a chat message's text, a password, a token. ServicePro's
/// own log lines never name them; these rules keep ASP.NET Core's from doing so.
/// </summary>
public static class LogPrivacy
{
    /// <summary>SignalR's hub dispatcher logs each call's arguments at Debug (a message's text, a typed value in the shell).</summary>
    public const string HubDispatcherCategory = "Microsoft.AspNetCore.SignalR.Internal.DefaultHubDispatcher";

    /// <summary>
    /// ASP.NET Core's request lines (Request starting/finished) carry the query string, where a WebSocket client sends
    /// its bearer token (<c>access_token</c>, as browsers cannot send the header). Requests are seen in the traces and
    /// the <c>http.server.*</c> metrics instead.
    /// </summary>
    public const string RequestLogCategory = "Microsoft.AspNetCore.Hosting.Diagnostics";

    /// <summary>Added after the configuration's rules, so that this one wins for its category even at Trace.</summary>
    public static ILoggingBuilder AddServiceProLogPrivacy(this ILoggingBuilder logging) =>
        logging.AddFilter(HubDispatcherCategory, LogLevel.Information).AddFilter(RequestLogCategory, LogLevel.Warning);
}
