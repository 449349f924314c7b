using Bunit;

namespace Company.Module1.Tests;

[TestClass]
public sealed class Module1TileTests
{
    [TestMethod]
    public void Render_LinksToThePage()
    {
        using var context = new BunitContext();

        var tile = context.Render<Module1Tile>();

        Assert.AreEqual("Module1 is installed.", tile.Find("[data-testid=module1-tile-body]").TextContent);
        Assert.AreEqual(Module1Constants.PagePath, tile.Find("[data-testid=module1-tile-open]").GetAttribute("href"));
    }
}
