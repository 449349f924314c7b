using ServicePro.Host.Modularity;

namespace ServicePro.Host.Tests.Modularity;

[TestClass]
public sealed class ModuleCatalogWriterTests
{
    private const string Original = """
        <?xml version="1.0" encoding="utf-8"?>
        <!-- Header comment that must survive. -->
        <modules>
          <!-- Requests first -->
          <module id="requests" assembly="ServicePro.Modules.Requests" enabled="true" />
          <module id="chat"   assembly="ServicePro.Modules.Chat" />
          <module id="share" assembly="ServicePro.Modules.Share" enabled="true" /><!-- trailing -->
        </modules>

        """;

    private string _directory = null!;
    private string _path = null!;

    [TestInitialize]
    public void CreateFile()
    {
        _directory = Directory.CreateTempSubdirectory("catalog-writer-").FullName;
        _path = Path.Combine(_directory, "modules.config");
        File.WriteAllText(_path, Original);
    }

    [TestCleanup]
    public void DeleteFile() => Directory.Delete(_directory, recursive: true);

    [TestMethod]
    public async Task SetEnabledAsync_Disable_ChangesOnlyThatAttribute()
    {
        await ModuleCatalogWriter.SetEnabledAsync(_path, "share", enabled: false);

        var text = await File.ReadAllTextAsync(_path);
        Assert.AreEqual(Original.Replace("""<module id="share" assembly="ServicePro.Modules.Share" enabled="true" />""", """<module id="share" assembly="ServicePro.Modules.Share" enabled="false" />"""), text);
        Assert.IsFalse(ModuleCatalogReader.Parse(text, _path).Entries.Single(e => e.Id == "share").Enabled);
    }

    [TestMethod]
    public async Task SetEnabledAsync_AttributeAbsent_AddsItAndKeepsTheRest()
    {
        await ModuleCatalogWriter.SetEnabledAsync(_path, "chat", enabled: false);

        var text = await File.ReadAllTextAsync(_path);
        StringAssert.Contains(text, "<!-- Header comment that must survive. -->");
        StringAssert.Contains(text, "<!-- Requests first -->");
        StringAssert.Contains(text, """<module id="chat"   assembly="ServicePro.Modules.Chat" enabled="false" />""");
        var entries = ModuleCatalogReader.Parse(text, _path).Entries;
        CollectionAssert.AreEqual(new[] { "requests", "chat", "share" }, entries.Select(e => e.Id).ToArray());
        Assert.IsTrue(entries[0].Enabled);
    }

    [TestMethod]
    public async Task SetEnabledAsync_UnknownModule_ThrowsAndLeavesFileAsItWas()
    {
        await Assert.ThrowsExactlyAsync<InvalidOperationException>(() => ModuleCatalogWriter.SetEnabledAsync(_path, "nope", enabled: false));

        Assert.AreEqual(Original, await File.ReadAllTextAsync(_path));
        CollectionAssert.AreEqual(new[] { "modules.config" }, Directory.GetFiles(_directory).Select(Path.GetFileName).ToArray());
    }

    [TestMethod]
    public async Task SetEnabledAsync_LeavesNoTemporaryFileBehind()
    {
        await ModuleCatalogWriter.SetEnabledAsync(_path, "requests", enabled: false);
        await ModuleCatalogWriter.SetEnabledAsync(_path, "requests", enabled: true);

        CollectionAssert.AreEqual(new[] { "modules.config" }, Directory.GetFiles(_directory).Select(Path.GetFileName).ToArray());
        Assert.AreEqual(Original, await File.ReadAllTextAsync(_path));
    }
}
