using System.Collections;
using System.Globalization;

namespace ServicePro.Contracts.Diagnostics;

/// <summary>
/// A structured log scope naming what a log line is about: the module, and the chat session and the request when known.
/// Begin it with <c>logger.BeginScope(ServiceProLogScope.For(…))</c>; every line logged inside carries the values as
/// properties (<see cref="ServiceProTelemetry.ModuleIdScope"/>, <see cref="ServiceProTelemetry.SessionIdScope"/>,
/// <see cref="ServiceProTelemetry.RequestNumberScope"/>) and the console shows them as <c>ModuleId:chat SessionId:…</c>.
/// </summary>
public sealed class ServiceProLogScope : IReadOnlyList<KeyValuePair<string, object?>>
{
    private readonly List<KeyValuePair<string, object?>> _values;

    private ServiceProLogScope(List<KeyValuePair<string, object?>> values) => _values = values;

    /// <inheritdoc/>
    public int Count => _values.Count;

    /// <inheritdoc/>
    public KeyValuePair<string, object?> this[int index] => _values[index];

    /// <summary>The scope of work of one module, about a session and a request when given.</summary>
    /// <param name="moduleId">The module's id.</param>
    /// <param name="sessionId">The chat session, if any.</param>
    /// <param name="requestNumber">The request, if any.</param>
    /// <returns>The scope's state, for <c>ILogger.BeginScope</c>.</returns>
    public static ServiceProLogScope For(string moduleId, Guid? sessionId = null, int? requestNumber = null)
    {
        var values = new List<KeyValuePair<string, object?>>(3) { new(ServiceProTelemetry.ModuleIdScope, moduleId) };
        if (sessionId is { } session)
        {
            values.Add(new(ServiceProTelemetry.SessionIdScope, session));
        }

        if (requestNumber is { } number)
        {
            values.Add(new(ServiceProTelemetry.RequestNumberScope, number));
        }

        return new ServiceProLogScope(values);
    }

    /// <inheritdoc/>
    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => _values.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The values as the console shows them: <c>ModuleId:chat SessionId:… RequestNumber:42</c>.</summary>
    /// <returns>The scope as text.</returns>
    public override string ToString() =>
        string.Join(' ', _values.Select(v => string.Create(CultureInfo.InvariantCulture, $"{v.Key}:{v.Value}")));
}
