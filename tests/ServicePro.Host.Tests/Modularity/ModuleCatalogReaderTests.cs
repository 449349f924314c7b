using ServicePro.Host.Modularity;

namespace ServicePro.Host.Tests.Modularity;

[TestClass]
public sealed class ModuleCatalogReaderTests
{
    private const string Path = "/etc/servicepro/modules.config";

    [TestMethod]
    public void Parse_ValidCatalog_ReturnsEntriesInFileOrder()
    {
        var catalog = ModuleCatalogReader.Parse("""
            <?xml version="1.0"?>
            <!-- comment -->
            <modules>
              <module id="requests" assembly="ServicePro.Modules.Requests" enabled="true" />
              <module id="chat" assembly="ServicePro.Modules.Chat" enabled="false" />
              <module id="share" assembly="extra/Share.dll" />
            </modules>
            """, Path);

        CollectionAssert.AreEqual(new[] { "requests", "chat", "share" }, catalog.Entries.Select(e => e.Id).ToArray());
        var chat = catalog.Entries[1];
        Assert.IsFalse(chat.Enabled);
        Assert.AreEqual(5, chat.Line);
        Assert.IsTrue(catalog.Entries[2].Enabled, "enabled defaults to true");
        Assert.AreEqual("extra/Share.dll", catalog.Entries[2].Assembly);
    }

    [TestMethod]
    public void Parse_NotWellFormed_ThrowsNamingFileAndLine()
    {
        var ex = Assert.ThrowsExactly<ModuleCatalogException>(() => ModuleCatalogReader.Parse("""
            <modules>
              <module id="a" assembly="A" />
              <module id="b" assembly="B" 
            </modules>
            """, Path));

        Assert.AreEqual(4, ex.Line);
        StringAssert.StartsWith(ex.Message, $"{Path}(4): not well-formed XML");
    }

    [TestMethod]
    [DataRow("<catalog />", 1, "root element must be <modules>")]
    [DataRow("<modules>\n  <plugin id=\"a\" assembly=\"A\" />\n</modules>", 2, "unexpected element <plugin>")]
    [DataRow("<modules>\n  <module assembly=\"A\" />\n</modules>", 2, "needs a non-empty 'id'")]
    [DataRow("<modules>\n  <module id=\"a\" />\n</modules>", 2, "needs a non-empty 'assembly'")]
    [DataRow("<modules>\n  <module id=\"a\" assembly=\"A\" enabled=\"yes\" />\n</modules>", 2, "enabled=\"yes\" must be \"true\" or \"false\"")]
    [DataRow("<modules>\n  <module id=\"a\" assembly=\"A\" enable=\"true\" />\n</modules>", 2, "unknown attribute 'enable'")]
    [DataRow("<modules>\n  <module id=\"Chat Module\" assembly=\"A\" />\n</modules>", 2, "module id 'Chat Module' is not valid")]
    [DataRow("<modules>\n  <module id=\"a\" assembly=\"A\" />\n  <module id=\"a\" assembly=\"B\" />\n</modules>", 3, "module id 'a' is listed twice (first on line 2)")]
    [DataRow("<modules>\n  <module id=\"a\" assembly=\"A\">text</module>\n</modules>", 2, "takes attributes only")]
    public void Parse_InvalidCatalog_ThrowsWithLineAndProblem(string text, int line, string problem)
    {
        var ex = Assert.ThrowsExactly<ModuleCatalogException>(() => ModuleCatalogReader.Parse(text, Path));

        Assert.AreEqual(line, ex.Line);
        StringAssert.Contains(ex.Message, problem);
        StringAssert.StartsWith(ex.Message, $"{Path}({line}): ");
    }

    [TestMethod]
    [DataRow("<modules>\n  <module id=\"chat\" assembly=\"C\" dependsOn=\"requests\" />\n</modules>", "module 'chat': ")]
    [DataRow("<modules>\n  <module dependsOn=\"requests\" />\n</modules>", "<module>: ")]
    public void Parse_DependsOnAttribute_StopsStartUpSayingWhereDependenciesAreDeclared(string text, string who)
    {
        var ex = Assert.ThrowsExactly<ModuleCatalogException>(() => ModuleCatalogReader.Parse(text, Path));

        Assert.AreEqual(
            $"{Path}(2): {who}'dependsOn' is no longer read from modules.config; a module declares the modules it needs in its code (IServiceProModule.DependsOn). Remove the attribute.",
            ex.Message);
    }

    [TestMethod]
    public async Task ReadAsync_MissingFile_ThrowsNamingTheFile()
    {
        var missing = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"{Guid.NewGuid():N}", "modules.config");

        var ex = await Assert.ThrowsExactlyAsync<ModuleCatalogException>(() => ModuleCatalogReader.ReadAsync(missing));

        StringAssert.Contains(ex.Message, missing);
        StringAssert.Contains(ex.Message, "does not exist");
    }
}
