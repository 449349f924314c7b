namespace ServicePro.TestModules.Probe;

/// <summary>The fault the Probe's failing page and endpoint throw, with a detail that must never reach a user in Production.</summary>
public static class ProbeFailure
{
    public const string PagePath = "/probe/fail";
    public const string EndpointPath = "/api/probe/fail";

    /// <summary>Text that only the exception carries: it may appear in the log, never in a response.</summary>
    public const string Detail = "probe failure: connection string Password=hunter2";

    public static InvalidOperationException Create() => new(Detail);
}
