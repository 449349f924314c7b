using System.Diagnostics;
using ServicePro.EndToEnd.Tests;
using ServicePro.Testing;
using static Microsoft.Playwright.Assertions;

namespace ServicePro.Templates.Tests;

/// <summary>
/// What docs/module-development.md tells a module developer, from a folder outside the repository: pack Contracts to
/// a local feed, install the template, create a module, build and test it, copy it into a host's modules folder, add
/// one line to modules.config, start the host (not rebuilt), and see the module in the browser.
/// </summary>
[TestClass]
[TestCategory(TestCategories.Slow)]
public sealed class ModuleTemplateTests
{
    private const string ModuleName = "Acme.Kudos";

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public async Task NewModule_BuiltOutsideTheRepository_DroppedIntoTheHost_ShowsItsSocialItemTileAndPage()
    {
        var cancellationToken = TestContext.CancellationToken;
        var clock = Stopwatch.StartNew();
        using var workspace = OutsideWorkspace.Create();
        var dotnet = workspace.Dotnet;

        var package = await workspace.PackContractsAsync(cancellationToken);
        Assert.AreEqual("ServicePro.Contracts.1.4.0.nupkg", Path.GetFileName(package));
        Step("pack Contracts", clock);

        var template = Path.Combine(TestPaths.RepositoryRoot, "templates", "ServicePro.Templates");
        await dotnet.RunAsync(workspace.Root, cancellationToken, "new", "install", template, "--debug:custom-hive", workspace.TemplateHive);
        await dotnet.RunAsync(workspace.Root, cancellationToken, "new", "servicepro-module", "-n", ModuleName, "--contracts-feed", workspace.Feed, "--debug:custom-hive", workspace.TemplateHive);
        var solution = Path.Combine(workspace.Root, ModuleName);
        StringAssert.Contains(
            await File.ReadAllTextAsync(Path.Combine(solution, ModuleName, ModuleName + ".csproj"), cancellationToken),
            """<PackageReference Include="ServicePro.Contracts" Version="1.4.0" ExcludeAssets="runtime" />""");
        foreach (var file in Directory.EnumerateFiles(solution, "*", SearchOption.AllDirectories))
        {
            Assert.DoesNotContain(TestPaths.RepositoryRoot.TrimEnd('/'), await File.ReadAllTextAsync(file, cancellationToken), $"{file} must not point into the repository");
        }

        Step("install the template, create", clock);

        await dotnet.RunAsync(solution, cancellationToken, "build", "--disable-build-servers", "-nologo", "-v", "quiet");
        Step("build", clock);
        var tests = await dotnet.RunAsync(solution, cancellationToken, "test", "--no-build");
        StringAssert.Matches(tests, new System.Text.RegularExpressions.Regex(@"Passed!\s+- Failed:\s+0, Passed:\s+[1-9]"));
        Step("test", clock);

        // Deploy: the build output goes to modules/Acme.Kudos/ of a host that was built without it, plus one line in modules.config.
        var output = Path.Combine(solution, ModuleName, "bin", "Debug", "net10.0");
        Assert.IsFalse(File.Exists(Path.Combine(output, "ServicePro.Contracts.dll")), "a module ships no Contracts: the host supplies its own");
        var modules = Path.Combine(workspace.Root, "host", "modules");
        OutsideWorkspace.CopyDirectory(Path.Combine(TestPaths.ModulesDirectory, "ServicePro.Modules.Share"), Path.Combine(modules, "ServicePro.Modules.Share"));
        OutsideWorkspace.CopyDirectory(output, Path.Combine(modules, ModuleName));
        var modulesConfig = """
            <?xml version="1.0" encoding="utf-8"?>
            <modules>
              <module id="share" assembly="ServicePro.Modules.Share" enabled="true" />
            </modules>
            """.Replace("</modules>", $"""  <module id="kudos" assembly="{ModuleName}" enabled="true" />{"\n"}</modules>""", StringComparison.Ordinal);

        await using var host = await HostProcess.StartAsync(modulesConfig, new Dictionary<string, string> { ["Modules:Path"] = modules }, cancellationToken);
        await using var browser = await Browser.LaunchAsync();
        var page = await browser.SignInAsync(host, "alice");

        await Expect(page.GetByTestId("tile-kudos")).ToContainTextAsync("Kudos is installed.");
        await Browser.ScreenshotAsync(page, "module-template-workbench");
        await page.GetByTestId("ribbon-social").ClickAsync();
        await Expect(page.GetByTestId("social-item-kudos")).ToHaveTextAsync("Kudos");
        await Expect(page.GetByTestId("social-item-share")).ToBeVisibleAsync();
        await Browser.ScreenshotAsync(page, "module-template-social");

        await page.GetByTestId("social-item-kudos").ClickAsync();
        await Expect(page.GetByTestId("kudos-page")).ToHaveTextAsync("Kudos");
        await Expect(page).ToHaveURLAsync(new Uri(host.BaseAddress, "kudos").ToString());
        Step("deploy, start the host, sign in, look", clock);
    }

    private void Step(string name, Stopwatch clock) => TestContext.WriteLine($"{clock.Elapsed.TotalSeconds,6:F1} s  {name}");
}
