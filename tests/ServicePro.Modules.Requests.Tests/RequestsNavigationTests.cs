using ServicePro.Contracts.Extensibility;
using ServicePro.Modules.Requests.Tests.Support;

namespace ServicePro.Modules.Requests.Tests;

[TestClass]
public sealed class RequestsNavigationTests
{
    [TestMethod]
    public async Task ConfigureMenu_Navigation_AddsRequestsEntry()
    {
        var context = new MenuContext(StandardMenus.Navigation, Reps.Alice, null, new ServiceCollection().BuildServiceProvider());

        await new RequestsNavigation().ConfigureMenuAsync(context, default);

        var item = context.Items.Single();
        Assert.AreEqual(("requests", "Requests", "requests"), (item.Id, item.Title, item.Href));
    }

    [TestMethod]
    public async Task ConfigureMenu_Social_AddsNothing()
    {
        var context = new MenuContext(StandardMenus.Social, Reps.Alice, null, new ServiceCollection().BuildServiceProvider());

        await new RequestsNavigation().ConfigureMenuAsync(context, default);

        Assert.IsEmpty(context.Items);
    }
}
