namespace ServicePro.Contracts.Events;

/// <summary>
/// Marks a UI notification that the shells on every host of the deployment should get, not only those on the host
/// where it was published (a request's Activity Stream grew: every open page of that request refreshes, whichever host
/// serves it). When several hosts run, the host relays such an event to the others as JSON over the cluster bus and
/// publishes it there through their <see cref="IEventAggregator"/>; with one host nothing changes.
/// </summary>
/// <remarks>
/// Keep it to plain, JSON-serializable values that any rep may know (ids, numbers): it crosses the network, and a host
/// delivers it to every subscriber of the type. Delivery to other hosts is at most once, like every UI notification.
/// </remarks>
public interface IClusterEvent;
