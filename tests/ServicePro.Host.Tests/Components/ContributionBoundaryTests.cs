using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using ServicePro.Contracts.Extensibility;
using ServicePro.Host.Components.Pages;
using ServicePro.Host.Components.Shell;
using ServicePro.Host.Tests.Support;

namespace ServicePro.Host.Tests.Components;

[TestClass]
[DoNotParallelize]
public sealed class ContributionBoundaryTests
{
    [TestMethod]
    public void RegionView_ThrowsOnce_RepIsToldTheRestStaysAndTryAgainShowsItWithoutAReload()
    {
        using var context = new ShellTestContext();
        context.AddAuthorization().SetAuthorized("alice");
        context.Services.AddView<BrokenOnceView>(ShellRegions.Popups).AddView<SteadyView>(ShellRegions.Popups, order: 1);
        BrokenOnceView.Failures = 1;

        var region = context.Render<Region>(p => p.Add(r => r.Name, ShellRegions.Popups));
        var told = region.Find("[data-testid=contribution-error]").TextContent;
        var steadyWhileBroken = region.FindAll("[data-testid=steady-view]").Count;
        region.Find("[data-testid=contribution-retry]").Click();

        StringAssert.Contains(told, "A part of the shell failed to show.");
        Assert.AreEqual(1, steadyWhileBroken, "the other views stay");
        Assert.HasCount(1, region.FindAll("[data-testid=broken-once-view]"), "Try again shows the view anew");
        Assert.IsEmpty(region.FindAll("[data-testid=contribution-error]"));
    }

    [TestMethod]
    public void WorkbenchTile_ThrowsOnce_TileSaysSoAndTryAgainShowsIt()
    {
        using var context = new ShellTestContext();
        context.AddAuthorization().SetAuthorized("alice");
        context.Services.AddWorkbenchTile<BrokenOnceView>("broken", "Broken once", 10);
        BrokenOnceView.Failures = 1;

        var page = context.Render<Workbench>();
        var told = page.Find("[data-testid=tile-broken] [data-testid=contribution-error]").TextContent;
        page.Find("[data-testid=tile-broken] [data-testid=contribution-retry]").Click();

        StringAssert.Contains(told, "This tile failed to show.");
        Assert.HasCount(1, page.FindAll("[data-testid=tile-broken] [data-testid=broken-once-view]"));
    }

    public sealed class BrokenOnceView : ComponentBase
    {
        public static int Failures { get; set; }

        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            if (Failures > 0)
            {
                Failures--;
                throw new InvalidOperationException("a module's bug");
            }

            builder.AddMarkupContent(0, "<p data-testid=\"broken-once-view\">shown</p>");
        }
    }

    public sealed class SteadyView : ComponentBase
    {
        protected override void BuildRenderTree(RenderTreeBuilder builder) =>
            builder.AddMarkupContent(0, "<p data-testid=\"steady-view\">steady</p>");
    }
}
