using System.Security.Claims;
using ServicePro.Contracts.Requests;

namespace ServicePro.Contracts.Extensibility;

/// <summary>
/// The menu being built, handed to every <see cref="IMenuContributor"/>. A contributor returns early unless
/// <see cref="MenuName"/> is a menu it fills.
/// </summary>
public sealed class MenuContext
{
    private readonly List<MenuItem> _items = [];

    /// <summary>Creates the context of one menu.</summary>
    /// <param name="menuName">One of <see cref="StandardMenus"/>.</param>
    /// <param name="user">The signed-in rep.</param>
    /// <param name="request">The request the menu is shown for, or <c>null</c>.</param>
    /// <param name="services">The services of the rep's session.</param>
    public MenuContext(string menuName, ClaimsPrincipal user, RequestReference? request, IServiceProvider services)
    {
        MenuName = menuName;
        User = user;
        Request = request;
        Services = services;
    }

    /// <summary>The menu being built, one of <see cref="StandardMenus"/>.</summary>
    public string MenuName { get; }

    /// <summary>The signed-in rep the menu is for; contribute only what they may use.</summary>
    public ClaimsPrincipal User { get; }

    /// <summary>The request whose ribbon shows the menu; <c>null</c> on the Workbench and in navigation.</summary>
    public RequestReference? Request { get; }

    /// <summary>The services of the rep's session.</summary>
    public IServiceProvider Services { get; }

    /// <summary>The items added so far.</summary>
    public IReadOnlyList<MenuItem> Items => _items;

    /// <summary>Adds an item to the menu.</summary>
    /// <param name="item">The item.</param>
    public void Add(MenuItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        _items.Add(item);
    }
}
