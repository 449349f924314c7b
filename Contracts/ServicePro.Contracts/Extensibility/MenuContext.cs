using System.Security.Claims;

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
    /// <param name="subject">What the page showing the menu is about (see <see cref="Subject"/>), or <c>null</c>.</param>
    /// <param name="services">The services of the rep's session.</param>
    public MenuContext(string menuName, ClaimsPrincipal user, object? subject, IServiceProvider services)
    {
        MenuName = menuName;
        User = user;
        Subject = subject;
        Services = services;
    }

    /// <summary>The menu being built, one of <see cref="StandardMenus"/>.</summary>
    public string MenuName { get; }

    /// <summary>The signed-in rep the menu is for; contribute only what they may use.</summary>
    public ClaimsPrincipal User { get; }

    /// <summary>
    /// What the page whose ribbon shows the menu is about, as that page's module passed it to the ribbon (as a Prism
    /// region context is): opaque to the shell. A contributor that understands it pattern-matches it
    /// (<c>context.Subject is RequestReference request</c>, a type from the Requests module's contract) and otherwise
    /// adds its general item or none. <c>null</c> on the Workbench and in navigation.
    /// </summary>
    public object? Subject { get; }

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
