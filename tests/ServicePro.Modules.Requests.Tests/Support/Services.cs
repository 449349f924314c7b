using Microsoft.Extensions.Logging.Abstractions;
using ServicePro.Modules.Requests.Services;

namespace ServicePro.Modules.Requests.Tests.Support;

/// <summary>The module's services on a test database, wired as the module wires them.</summary>
public static class Services
{
    public static RequestService Requests(TestDatabase database, RecordingEvents? events = null, TimeProvider? time = null) =>
        new(database, new FakeUserDirectory(), events ?? new RecordingEvents(), time ?? TimeProvider.System, NullLogger<RequestService>.Instance);
}
