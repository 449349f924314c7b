using Bunit;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;
using ServicePro.Contracts.Diagnostics;
using ServicePro.Contracts.Events;
using ServicePro.Contracts.Security;
using ServicePro.Host.Components.Pages.Admin;
using ServicePro.Host.Diagnostics;
using ServicePro.Host.Modularity;
using ServicePro.Host.Tests.Support;

namespace ServicePro.Host.Tests.Components;

[TestClass]
[DoNotParallelize]
public sealed class AdminModulesPageTests
{
    private readonly FakeModules _fakes = new();
    private string _directory = null!;
    private string _path = null!;
    private ShellTestContext _context = null!;
    private HostDatabase _database = null!;
    private readonly FakeTimeProvider _time = new();
    private readonly LiveFigures _chatFigures = new("chat");

    [TestInitialize]
    public async Task Start()
    {
        _database = await HostDatabase.CreateAsync();
        _directory = Directory.CreateTempSubdirectory("admin-page-").FullName;
        _path = Path.Combine(_directory, "modules.config");
        await File.WriteAllTextAsync(_path, """
            <modules>
              <module id="requests" assembly="R" />
              <module id="chat" assembly="C" />
              <module id="ghost" assembly="G" />
            </modules>
            """);
        _fakes.Add("requests");
        _fakes.Add("chat", "requests");
        _fakes.Loader.Setup(l => l.Load(It.Is<ModuleCatalogEntry>(e => e.Id == "ghost"))).Throws(new ModuleLoadException("assembly 'G' not found at /m/G/G.dll"));
        var runtime = await _fakes.StartAsync(await ModuleCatalogReader.ReadAsync(_path));

        _context = new ShellTestContext();
        _context.AddAuthorization().SetAuthorized("admin").SetRoles(ServiceProRoles.Administrator);
        _context.Services.AddSingleton(runtime);
        _context.Services.AddSingleton<ServicePro.Contracts.Modules.IModuleStatus>(runtime);
        _context.Services.AddSingleton<IModuleAdministration>(sp => new ModuleAdministration(runtime, _database.Store(), sp.GetRequiredService<IEventAggregator>(), NullLogger<ModuleAdministration>.Instance));
        _context.Services.AddTransient<ServicePro.Host.ViewModels.ModulesViewModel>();
        _context.Services.AddSingleton<TimeProvider>(_time);
        _context.Services.AddSingleton<IModuleFigures>(_chatFigures);
        _context.Services.AddSingleton<ModuleFiguresReader>();
        _context.Services.AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(NullLogger<>));
    }

    [TestCleanup]
    public async Task Cleanup()
    {
        _context.Dispose();
        await _database.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [TestMethod]
    public void Render_ListsEveryModuleWithStateAndReason()
    {
        var page = _context.Render<Modules>();

        Assert.AreEqual("Enabled", page.Find("[data-testid=module-state-requests]").TextContent.Trim());
        Assert.AreEqual("Enabled", page.Find("[data-testid=module-state-chat]").TextContent.Trim());
        Assert.AreEqual("Failed", page.Find("[data-testid=module-state-ghost]").TextContent.Trim());
        Assert.AreEqual("assembly 'G' not found at /m/G/G.dll", page.Find("[data-testid=module-reason-ghost]").TextContent);
        StringAssert.Contains(page.Find("[data-testid=module-row-chat]").TextContent, "1.2.3");
        StringAssert.Contains(page.Find("[data-testid=module-row-chat]").TextContent, "requests");
    }

    [TestMethod]
    public async Task Toggle_DisablesModule_ShowsNewStateAndStoresIt()
    {
        var page = _context.Render<Modules>();

        page.Find("[data-testid=module-toggle-chat]").Click();

        page.WaitForAssertion(() => Assert.AreEqual("Disabled", page.Find("[data-testid=module-state-chat]").TextContent.Trim()));
        Assert.AreEqual("Enable", page.Find("[data-testid=module-toggle-chat]").TextContent.Trim());
        Assert.IsFalse((await _database.StatesAsync())["chat"]);
    }

    [TestMethod]
    public void Toggle_ModuleOthersDependOn_RefusedWithAClearMessage()
    {
        var page = _context.Render<Modules>();

        page.Find("[data-testid=module-toggle-requests]").Click();

        page.WaitForAssertion(() => StringAssert.Contains(page.Find("[data-testid=module-error]").TextContent, "'requests' cannot be disabled: 'chat' depends on it"));
        Assert.AreEqual("Enabled", page.Find("[data-testid=module-state-requests]").TextContent.Trim());
    }

    [TestMethod]
    public void Render_ModuleWithFigures_ShowsThemBesideItsStateAndFollowsThem()
    {
        _chatFigures.RepsOnline = 3;
        var page = _context.Render<Modules>();

        Assert.AreEqual("3", page.Find("[data-testid=module-figure-chat-reps-online]").TextContent);
        StringAssert.Contains(page.Find("[data-testid=module-figures-chat]").TextContent, "Reps online");
        Assert.IsEmpty(page.FindAll("[data-testid=module-figures-requests]"), "a module without figures shows none");

        _chatFigures.RepsOnline = 1234;
        _time.Advance(ModulesFigures.Interval);

        page.WaitForAssertion(() => Assert.AreEqual(1234.ToString("N0", System.Globalization.CultureInfo.CurrentCulture), page.Find("[data-testid=module-figure-chat-reps-online]").TextContent));
    }

    [TestMethod]
    public void Render_DisabledModule_ShowsNoFigures()
    {
        var page = _context.Render<Modules>();
        Assert.HasCount(1, page.FindAll("[data-testid=module-figures-chat]"));

        page.Find("[data-testid=module-toggle-chat]").Click();
        page.WaitForAssertion(() => Assert.AreEqual("Disabled", page.Find("[data-testid=module-state-chat]").TextContent.Trim()));
        _time.Advance(ModulesFigures.Interval);

        page.WaitForAssertion(() => Assert.IsEmpty(page.FindAll("[data-testid=module-figures-chat]")));
    }

    [TestMethod]
    public void Page_RequiresTheAdministratorRole()
    {
        var authorize = typeof(Modules).GetCustomAttributes(typeof(Microsoft.AspNetCore.Authorization.AuthorizeAttribute), true)
            .Cast<Microsoft.AspNetCore.Authorization.AuthorizeAttribute>().Single();

        Assert.AreEqual(ServiceProRoles.Administrator, authorize.Roles);
    }

    private sealed class LiveFigures(string moduleId) : IModuleFigures
    {
        public long RepsOnline { get; set; }

        public string ModuleId { get; } = moduleId;

        public Task<IReadOnlyList<ModuleFigure>> GetFiguresAsync(CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<ModuleFigure>>([new ModuleFigure("reps-online", "Reps online", RepsOnline)]);
    }
}
