using Bunit;
using ServicePro.Contracts.Extensibility;
using ServicePro.Host.Components.Pages;
using ServicePro.Host.Tests.Support;
using static ServicePro.Host.Tests.Support.TestContributors;

namespace ServicePro.Host.Tests.Components;

[TestClass]
[DoNotParallelize]
public sealed class WorkbenchTests
{
    [TestMethod]
    public void Render_TilesInTheirOrder_WithTheirContent()
    {
        using var context = new ShellTestContext();
        context.AddAuthorization().SetAuthorized("alice");
        context.Services.AddWorkbenchTile<ChatTile>("chat", "Chat", 20).AddWorkbenchTile<RequestsTile>("requests", "My requests", 10);

        var page = context.Render<Workbench>();

        var tiles = page.FindAll("[data-testid=workbench] [data-testid^=tile-]");
        CollectionAssert.AreEqual(new[] { "tile-requests", "tile-chat" }, tiles.Select(t => t.GetAttribute("data-testid")).ToArray());
        Assert.AreEqual("My requests", page.Find("[data-testid=tile-requests] .tile-title").TextContent);
        Assert.AreEqual("3 open requests", page.Find("[data-testid=tile-requests] .requests-tile").TextContent);
        Assert.HasCount(1, page.FindAll("[data-testid=ribbon]"), "the Workbench has its ribbon");
    }

    [TestMethod]
    public void Render_NoTiles_SaysSo()
    {
        using var context = new ShellTestContext();
        context.AddAuthorization().SetAuthorized("alice");

        var page = context.Render<Workbench>();

        StringAssert.Contains(page.Find("[data-testid=workbench-empty]").TextContent, "No module contributes a tile yet");
    }

    [TestMethod]
    public async Task ModuleDisabled_ItsTileVanishes_OthersStay()
    {
        using var context = new ShellTestContext();
        context.AddAuthorization().SetAuthorized("alice");
        context.Services.AddWorkbenchTile<ChatTile>("chat", "Chat", 20).AddWorkbenchTile<RequestsTile>("requests", "My requests", 10);
        var page = context.Render<Workbench>();

        await context.DisableAsync(typeof(ChatTile));

        page.WaitForAssertion(() => Assert.IsEmpty(page.FindAll("[data-testid=tile-chat]")));
        Assert.HasCount(1, page.FindAll("[data-testid=tile-requests]"));
    }
}
