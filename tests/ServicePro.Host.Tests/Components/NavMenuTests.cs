using Bunit;
using ServicePro.Contracts.Extensibility;
using ServicePro.Contracts.Security;
using ServicePro.Host.Components.Layout;
using ServicePro.Host.Tests.Support;
using static ServicePro.Host.Tests.Support.TestContributors;

namespace ServicePro.Host.Tests.Components;

[TestClass]
[DoNotParallelize]
public sealed class NavMenuTests
{
    [TestMethod]
    public void Render_Rep_SeesWorkbenchAndModuleEntries_NotAdmin()
    {
        using var context = new ShellTestContext();
        context.AddAuthorization().SetAuthorized("alice").SetRoles(ServiceProRoles.Rep);
        context.Services.AddMenuContributor<ShareSocialItems>();

        var nav = context.Render<NavMenu>();

        CollectionAssert.AreEqual(new[] { "nav-workbench", "nav-share" }, nav.FindAll("[data-testid=nav] a").Select(a => a.GetAttribute("data-testid")).ToArray());
        Assert.AreEqual("shared", nav.Find("[data-testid=nav-share]").GetAttribute("href"));
    }

    [TestMethod]
    public void Render_Administrator_AlsoSeesAdminModules()
    {
        using var context = new ShellTestContext();
        context.AddAuthorization().SetAuthorized("admin").SetRoles(ServiceProRoles.Administrator, ServiceProRoles.Rep);

        var nav = context.Render<NavMenu>();

        Assert.AreEqual("admin/modules", nav.Find("[data-testid=nav-admin-modules]").GetAttribute("href"));
    }

    [TestMethod]
    public async Task ModuleDisabled_ItsEntryVanishes()
    {
        using var context = new ShellTestContext();
        context.AddAuthorization().SetAuthorized("alice");
        context.Services.AddMenuContributor<ShareSocialItems>();
        var nav = context.Render<NavMenu>();

        await context.DisableAsync(typeof(ShareSocialItems));

        nav.WaitForAssertion(() => Assert.IsEmpty(nav.FindAll("[data-testid=nav-share]")));
        Assert.HasCount(1, nav.FindAll("[data-testid=nav-workbench]"));
    }
}
