namespace ServicePro.Contracts.Diagnostics;

/// <summary>
/// Names shared by the host and the modules for OpenTelemetry. The host collects every <see cref="System.Diagnostics.Metrics.Meter"/>
/// and <see cref="System.Diagnostics.ActivitySource"/> whose name starts with <see cref="Prefix"/>, so a module only
/// creates its meter (through <see cref="System.Diagnostics.Metrics.IMeterFactory"/>) and its activity source with
/// <see cref="NameFor"/>; the host needs no change.
/// </summary>
public static class ServiceProTelemetry
{
    /// <summary>The start of every ServicePro meter and activity source name.</summary>
    public const string Prefix = "ServicePro.";

    /// <summary>The host's own meter and activity source.</summary>
    public const string HostName = "ServicePro.Host";

    /// <summary>The structured log scope key naming a module (its id).</summary>
    public const string ModuleIdScope = "ModuleId";

    /// <summary>The structured log scope key naming a chat session (a GUID).</summary>
    public const string SessionIdScope = "SessionId";

    /// <summary>The structured log scope key naming a request (its number).</summary>
    public const string RequestNumberScope = "RequestNumber";

    /// <summary>
    /// The meter and activity source name of a module: <c>ServicePro.</c> and the module id in PascalCase
    /// (<c>chat</c> → <c>ServicePro.Chat</c>, <c>service-desk</c> → <c>ServicePro.ServiceDesk</c>).
    /// </summary>
    /// <param name="moduleId">The module id, as in <c>modules.config</c>.</param>
    /// <returns>The name to give the module's meter and activity source.</returns>
    public static string NameFor(string moduleId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(moduleId);
        var words = moduleId.Split(['-', '_', '.'], StringSplitOptions.RemoveEmptyEntries);
        return Prefix + string.Concat(words.Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
    }
}
