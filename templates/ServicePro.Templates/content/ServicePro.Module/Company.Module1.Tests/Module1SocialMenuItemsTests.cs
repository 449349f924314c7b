using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using ServicePro.Contracts.Extensibility;

namespace Company.Module1.Tests;

[TestClass]
public sealed class Module1SocialMenuItemsTests
{
    private readonly IServiceProvider _services = new ServiceCollection().BuildServiceProvider();

    [TestMethod]
    public async Task ConfigureMenuAsync_Social_AddsTheItemLinkingToThePage()
    {
        var context = new MenuContext(StandardMenus.Social, new ClaimsPrincipal(), null, _services);

        await new Module1SocialMenuItems().ConfigureMenuAsync(context, CancellationToken.None);

        var item = context.Items.Single();
        Assert.AreEqual(Module1Constants.ModuleId, item.Id);
        Assert.AreEqual(Module1Constants.Title, item.Title);
        Assert.AreEqual(Module1Constants.PagePath, item.Href);
    }

    [TestMethod]
    public async Task ConfigureMenuAsync_OtherMenus_AddsNothing()
    {
        var context = new MenuContext(StandardMenus.Navigation, new ClaimsPrincipal(), null, _services);

        await new Module1SocialMenuItems().ConfigureMenuAsync(context, CancellationToken.None);

        Assert.IsEmpty(context.Items);
    }
}
