using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using ServicePro.Contracts.Extensibility;
using ServicePro.Contracts.Modules;
using ServicePro.Contracts.Requests;

namespace ServicePro.Modules.Share.Tests;

[TestClass]
public sealed class ShareSocialMenuItemsTests
{
    private readonly IServiceProvider _services = new ServiceCollection().BuildServiceProvider();

    [TestMethod]
    public async Task ConfigureMenuAsync_Social_AddsEmailItemAboutTheRequest()
    {
        var context = new MenuContext(StandardMenus.Social, new ClaimsPrincipal(), new RequestReference(7, "VPN down"), _services);

        await new ShareSocialMenuItems().ConfigureMenuAsync(context, CancellationToken.None);

        var item = context.Items.Single();
        Assert.AreEqual(ShareConstants.ModuleId, item.Id);
        Assert.AreEqual("E-mail a colleague", item.Title);
        Assert.AreEqual("Mail", item.Icon);
        StringAssert.StartsWith(item.Href, "mailto:?subject=Request%20%237%3A%20VPN%20down");
    }

    [TestMethod]
    public async Task ConfigureMenuAsync_SubjectNotARequest_GeneralLink()
    {
        var context = new MenuContext(StandardMenus.Social, new ClaimsPrincipal(), "a page about something else", _services);

        await new ShareSocialMenuItems().ConfigureMenuAsync(context, CancellationToken.None);

        Assert.AreEqual("mailto:?subject=ServicePro", context.Items.Single().Href);
    }

    [TestMethod]
    public async Task ConfigureMenuAsync_OtherMenus_AddsNothing()
    {
        var context = new MenuContext(StandardMenus.Navigation, new ClaimsPrincipal(), null, _services);

        await new ShareSocialMenuItems().ConfigureMenuAsync(context, CancellationToken.None);

        Assert.IsEmpty(context.Items);
    }

    [TestMethod]
    public void ConfigureServices_RegistersTheContributorOnly()
    {
        var services = new ServiceCollection();
        var module = new ShareModule();

        module.ConfigureServices(new ModuleServicesContext(module.Id, services, new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build(), null!));

        var descriptor = services.Single();
        Assert.AreEqual(typeof(IMenuContributor), descriptor.ServiceType);
        Assert.AreEqual(typeof(ShareSocialMenuItems), descriptor.ImplementationType);
        Assert.AreEqual("share", module.Id);
        Assert.IsEmpty(module.DependsOn);
    }
}
