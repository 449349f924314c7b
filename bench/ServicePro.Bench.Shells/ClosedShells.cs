namespace ServicePro.Bench.Shells;

/// <summary>
/// The host once the shells' pages have navigated away and closed: how long until it held no connection (or until the
/// wait gave up), and what it still held then. A circuit whose disconnect did not arrive lives on, with its chat.
/// </summary>
public sealed record ClosedShells(TimeSpan Elapsed, HostSockets Left);
