using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using ServicePro.Contracts.Events;
using ServicePro.Contracts.Extensibility;
using ServicePro.Contracts.Requests;

namespace ServicePro.Contracts.Tests.Extensibility;

[TestClass]
public sealed class ContributionServiceCollectionExtensionsTests
{
    private sealed class Contributor : IMenuContributor
    {
        public Task ConfigureMenuAsync(MenuContext context, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private sealed class Tile : ComponentBase;

    private sealed class Handler : IEventHandler<string>
    {
        public Task HandleAsync(string @event, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    [TestMethod]
    public void AddMenuContributor_Twice_RegisteredOnce()
    {
        var services = new ServiceCollection().AddMenuContributor<Contributor>().AddMenuContributor<Contributor>();

        Assert.AreEqual(1, services.BuildServiceProvider().CreateScope().ServiceProvider.GetServices<IMenuContributor>().Count());
    }

    [TestMethod]
    public void AddWorkbenchTileAndView_ResolvableAsData()
    {
        var provider = new ServiceCollection()
            .AddWorkbenchTile<Tile>("requests", "My requests", 10)
            .AddView<Tile>(ShellRegions.Popups, 5)
            .BuildServiceProvider();

        Assert.AreEqual(new WorkbenchTile("requests", "My requests", typeof(Tile), 10), provider.GetServices<WorkbenchTile>().Single());
        Assert.AreEqual(new ViewContribution(ShellRegions.Popups, typeof(Tile), 5), provider.GetServices<ViewContribution>().Single());
    }

    [TestMethod]
    public void AddEventHandler_ResolvableForItsEvent()
    {
        var provider = new ServiceCollection().AddEventHandler<string, Handler>().BuildServiceProvider();

        Assert.IsInstanceOfType<Handler>(provider.CreateScope().ServiceProvider.GetServices<IEventHandler<string>>().Single());
    }

    [TestMethod]
    public void MenuContext_Add_KeepsItemsInOrderAndRejectsNull()
    {
        var context = new MenuContext(StandardMenus.Social, new ClaimsPrincipal(), new RequestReference(1, "t"), new ServiceCollection().BuildServiceProvider());

        context.Add(new MenuItem("a", "A", null, 2));
        context.Add(new MenuItem("b", "B", null, 1));

        CollectionAssert.AreEqual(new[] { "a", "b" }, context.Items.Select(i => i.Id).ToArray());
        Assert.ThrowsExactly<ArgumentNullException>(() => context.Add(null!));
    }

    [TestMethod]
    public void RequestRoutes_Details_IsRelativeToTheShell() => Assert.AreEqual("requests/42", RequestRoutes.Details(42));
}
