using System.Diagnostics.Metrics;
using ServicePro.Contracts.Diagnostics;

namespace ServicePro.Modules.Requests.Diagnostics;

/// <summary>The Requests module's meter (<c>ServicePro.Requests</c>); names and units in README, Operations.</summary>
public sealed class RequestsMetrics
{
    private readonly Counter<long> _created;
    private readonly Counter<long> _chatSessions;
    private readonly Counter<long> _appends;

    public RequestsMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(Name);
        _created = meter.CreateCounter<long>("servicepro.requests.created", "{request}", "Service requests created.");
        _chatSessions = meter.CreateCounter<long>("servicepro.requests.chat_sessions.recorded", "{session}", "Chat sessions recorded on a request's Activity Stream (a redelivered one is not counted again).");
        _appends = meter.CreateCounter<long>("servicepro.requests.activity.appends", "{entry}", "Entries appended to Activity Streams, by kind (created, status, assignment, note, chat).");
    }

    /// <summary>The meter's name.</summary>
    public static string Name { get; } = ServiceProTelemetry.NameFor(RequestsConstants.ModuleId);

    /// <summary>A request was stored, with its first Activity Stream entry.</summary>
    public void RequestCreated()
    {
        _created.Add(1);
        ActivityAppended(RequestsConstants.ActivityKinds.Created);
    }

    public void ChatSessionRecorded()
    {
        _chatSessions.Add(1);
        ActivityAppended(RequestsConstants.ActivityKinds.Chat);
    }

    public void ActivityAppended(string kind) => _appends.Add(1, new KeyValuePair<string, object?>("kind", kind));
}
