using System.Security.Claims;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using ServicePro.Contracts.Extensibility;
using ServicePro.Contracts.Modules;
using ServicePro.Contracts.Requests;
using ServicePro.Host.Shell;

namespace ServicePro.Host.Tests.Shell;

[TestClass]
public sealed class ShellContributionsTests
{
    private readonly Mock<IModuleStatus> _modules = new();
    private readonly List<IMenuContributor> _contributors = [];
    private readonly List<WorkbenchTile> _tiles = [];
    private readonly List<ViewContribution> _views = [];

    private sealed class TileA : Microsoft.AspNetCore.Components.ComponentBase;

    private sealed class TileB : Microsoft.AspNetCore.Components.ComponentBase;

    private class FixedContributor(string menu, MenuItem[] items) : IMenuContributor
    {
        public Task ConfigureMenuAsync(MenuContext context, CancellationToken cancellationToken)
        {
            if (context.MenuName == menu)
            {
                foreach (var item in items)
                {
                    context.Add(item);
                }
            }

            return Task.CompletedTask;
        }
    }

    // Distinct types, as contributors of two different modules would be.
    private sealed class ChatContributor(string menu, MenuItem[] items) : FixedContributor(menu, items);

    private sealed class ShareContributor(string menu, MenuItem[] items) : FixedContributor(menu, items);

    [TestInitialize]
    public void ActiveByDefault() => _modules.Setup(m => m.IsActive(It.IsAny<Type>())).Returns(true);

    [TestMethod]
    public async Task GetMenuAsync_OrdersByOrderThenTitle_AndKeepsTheFirstOfADuplicateId()
    {
        AddContributor(StandardMenus.Social, new MenuItem("zeta", "Zeta", null, 10), new MenuItem("chat", "Chat", "Chat", 1));
        AddContributor(StandardMenus.Social, new MenuItem("alpha", "Alpha", null, 10), new MenuItem("chat", "Chat again", null, 0));
        AddContributor(StandardMenus.Navigation, new MenuItem("requests", "Requests", null, 0));

        var items = await Create().GetMenuAsync(StandardMenus.Social, new ClaimsPrincipal(), null, CancellationToken.None);

        CollectionAssert.AreEqual(new[] { "Chat", "Alpha", "Zeta" }, items.Select(i => i.Title).ToArray());
    }

    [TestMethod]
    public async Task GetMenuAsync_ContributorOfDisabledModule_LeftOut()
    {
        _contributors.Add(new ChatContributor(StandardMenus.Social, [new MenuItem("chat", "Chat", null, 0)]));
        _contributors.Add(new ShareContributor(StandardMenus.Social, [new MenuItem("share", "Share", null, 0)]));
        _modules.Setup(m => m.IsActive(typeof(ChatContributor))).Returns(false);

        var items = await Create().GetMenuAsync(StandardMenus.Social, new ClaimsPrincipal(), null, CancellationToken.None);

        CollectionAssert.AreEqual(new[] { "share" }, items.Select(i => i.Id).ToArray());
    }

    [TestMethod]
    public async Task GetMenuAsync_ContributorThrows_OthersStillShown()
    {
        var broken = new Mock<IMenuContributor>();
        broken.Setup(c => c.ConfigureMenuAsync(It.IsAny<MenuContext>(), It.IsAny<CancellationToken>())).ThrowsAsync(new InvalidOperationException("boom"));
        _contributors.Add(broken.Object);
        AddContributor(StandardMenus.Social, new MenuItem("share", "Share", null, 0));

        var items = await Create().GetMenuAsync(StandardMenus.Social, new ClaimsPrincipal(), null, CancellationToken.None);

        CollectionAssert.AreEqual(new[] { "share" }, items.Select(i => i.Id).ToArray());
    }

    [TestMethod]
    public async Task GetMenuAsync_ContributorsSeeTheSubjectAndTheUser()
    {
        MenuContext? seen = null;
        var contributor = new Mock<IMenuContributor>();
        contributor.Setup(c => c.ConfigureMenuAsync(It.IsAny<MenuContext>(), It.IsAny<CancellationToken>()))
            .Callback<MenuContext, CancellationToken>((c, _) => seen = c)
            .Returns(Task.CompletedTask);
        _contributors.Add(contributor.Object);
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "alice")], "test"));

        await Create().GetMenuAsync(StandardMenus.Social, user, new RequestReference(42, "Printer on fire"), CancellationToken.None);

        Assert.AreEqual(StandardMenus.Social, seen!.MenuName);
        Assert.AreEqual(new RequestReference(42, "Printer on fire"), seen.Subject);
        Assert.AreEqual("alice", seen.User.Identity!.Name);
    }

    [TestMethod]
    public void GetTiles_OrderedAndFilteredByModuleState()
    {
        _tiles.Add(new WorkbenchTile("b", "B", typeof(TileB), 2));
        _tiles.Add(new WorkbenchTile("a", "A", typeof(TileA), 1));
        _tiles.Add(new WorkbenchTile("c", "C", typeof(string), 0));
        _modules.Setup(m => m.IsActive(typeof(string))).Returns(false);

        CollectionAssert.AreEqual(new[] { "a", "b" }, Create().GetTiles().Select(t => t.Id).ToArray());
    }

    [TestMethod]
    public void GetViews_OnlyThatRegion()
    {
        _views.Add(new ViewContribution(ShellRegions.Popups, typeof(TileB), 2));
        _views.Add(new ViewContribution(ShellRegions.Popups, typeof(TileA), 1));
        _views.Add(new ViewContribution(ShellRegions.TopBar, typeof(TileA), 0));

        CollectionAssert.AreEqual(new[] { typeof(TileA), typeof(TileB) }, Create().GetViews(ShellRegions.Popups).Select(v => v.ComponentType).ToArray());
    }

    private IMenuContributor AddContributor(string menu, params MenuItem[] items)
    {
        var contributor = new Mock<IMenuContributor>();
        contributor.Setup(c => c.ConfigureMenuAsync(It.IsAny<MenuContext>(), It.IsAny<CancellationToken>()))
            .Callback<MenuContext, CancellationToken>((c, _) =>
            {
                if (c.MenuName == menu)
                {
                    foreach (var item in items)
                    {
                        c.Add(item);
                    }
                }
            })
            .Returns(Task.CompletedTask);
        _contributors.Add(contributor.Object);
        return contributor.Object;
    }

    private ShellContributions Create() =>
        new(_contributors, _tiles, _views, _modules.Object, new ServiceCollection().BuildServiceProvider(), NullLogger<ShellContributions>.Instance);
}
