using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.FluentUI.AspNetCore.Components;
using Moq;
using ServicePro.Contracts.Events;
using ServicePro.Contracts.Extensibility;
using ServicePro.Contracts.Requests;
using ServicePro.Contracts.Users;
using ServicePro.Modules.Requests.Components;
using ServicePro.Modules.Requests.Services;
using ServicePro.Modules.Requests.Tests.Support;
using ServicePro.Modules.Requests.ViewModels;
using Kinds = ServicePro.Modules.Requests.RequestsConstants.ActivityKinds;

namespace ServicePro.Modules.Requests.Tests.Components;

[TestClass]
public sealed class RequestPageTests
{
    private static readonly RequestDetails Request = new(4, "<b>VPN</b> down", "", "", RequestStatus.New, null, "alice", DateTime.UtcNow, DateTime.UtcNow);
    private static readonly ActivityView Created = new(1, Kinds.Created, DateTime.UtcNow.AddMinutes(-1), "alice", null, null, null, null);
    private static readonly ActivityView Status = new(2, Kinds.Status, DateTime.UtcNow, "bob", null, "New", "InProgress", null);

    private readonly Mock<IRequestService> _requests = new();
    private readonly Mock<IShellContributions> _shell = new();
    private readonly RecordingEvents _events = new();
    private BunitContext _context = null!;

    [TestInitialize]
    public void Create()
    {
        _context = new BunitContext();
        _context.JSInterop.Mode = JSRuntimeMode.Loose;
        _context.Services.AddFluentUIComponents();
        _context.Services.AddLogging();
        _context.Services.AddSingleton<IEventAggregator>(_events);
        _context.Services.AddSingleton(_requests.Object);
        _context.Services.AddSingleton<IUserDirectory>(new FakeUserDirectory());
        _context.Services.AddSingleton(_shell.Object);
        _context.Services.AddTransient<RequestDetailsViewModel>();
        _context.AddAuthorization().SetAuthorized("alice");
        _shell.Setup(s => s.GetMenuAsync(StandardMenus.Social, It.IsAny<ClaimsPrincipal>(), It.IsAny<object?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync([new MenuItem("chat", "Chat", "Chat", 1) { Href = "#" }]);
        _requests.Setup(r => r.FindAsync(4, It.IsAny<CancellationToken>())).ReturnsAsync(Request);
        _requests.Setup(r => r.GetActivityAsync(4, It.IsAny<ClaimsPrincipal>(), It.IsAny<CancellationToken>())).ReturnsAsync([Created]);
        // After every registration: the renderer builds the services.
        _context.Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    [TestCleanup]
    public void Dispose() => _context.Dispose();

    [TestMethod]
    public void Render_KnownRequest_TitleAsTextRibbonWithItsContextAndActivity()
    {
        var page = _context.Render<RequestPage>(p => p.Add(c => c.Number, 4));

        page.WaitForAssertion(() => Assert.AreEqual("#4 <b>VPN</b> down", page.Find("[data-testid=request-heading]").TextContent));
        Assert.IsEmpty(page.FindAll("h1 b"), "the title is text, not markup");
        Assert.HasCount(1, page.FindAll("[data-testid=ribbon-social]"));
        _shell.Verify(s => s.GetMenuAsync(StandardMenus.Social, It.IsAny<ClaimsPrincipal>(), new RequestReference(4, "<b>VPN</b> down"), It.IsAny<CancellationToken>()));
        Assert.HasCount(1, page.FindAll("[data-testid=activity-entry]"));
    }

    [TestMethod]
    public void Render_Prerendered_ControlsDisabledUntilInteractive()
    {
        _context.Renderer.SetRendererInfo(new RendererInfo("Static", isInteractive: false));

        var page = _context.Render<RequestPage>(p => p.Add(c => c.Number, 4));

        page.WaitForAssertion(() => Assert.IsTrue(page.Find("[data-testid=request-status]").Closest("fieldset")!.HasAttribute("disabled")));
        // The Fluent components themselves, whatever a form-associated element makes of its fieldset.
        foreach (var id in (string[])["request-status", "request-assignee", "request-note"])
        {
            Assert.IsTrue(page.Find($"[data-testid={id}]").HasAttribute("disabled"), id);
        }
    }

    [TestMethod]
    public void Render_Interactive_ControlsEnabled()
    {
        var page = _context.Render<RequestPage>(p => p.Add(c => c.Number, 4));

        page.WaitForAssertion(() => Assert.IsFalse(page.Find("[data-testid=request-status]").Closest("fieldset")!.HasAttribute("disabled")));
        foreach (var id in (string[])["request-status", "request-assignee", "request-note"])
        {
            Assert.IsFalse(page.Find($"[data-testid={id}]").HasAttribute("disabled"), id);
        }
    }

    [TestMethod]
    public void Render_UnknownNumber_ClearMessage()
    {
        _requests.Setup(r => r.FindAsync(77, It.IsAny<CancellationToken>())).ReturnsAsync((RequestDetails?)null);

        var page = _context.Render<RequestPage>(p => p.Add(c => c.Number, 77));

        page.WaitForAssertion(() => StringAssert.Contains(page.Find("[data-testid=request-not-found]").TextContent, "Request #77 does not exist."));
        Assert.IsEmpty(page.FindAll("[data-testid=activity-stream]"));
    }

    [TestMethod]
    public void ActivityAddedElsewhere_PageUpdatesWithoutReload()
    {
        var page = _context.Render<RequestPage>(p => p.Add(c => c.Number, 4));
        page.WaitForAssertion(() => Assert.HasCount(1, page.FindAll("[data-testid=activity-entry]")));
        _requests.Setup(r => r.GetActivityAsync(4, It.IsAny<ClaimsPrincipal>(), It.IsAny<CancellationToken>())).ReturnsAsync([Created, Status]);

        _events.Publish(new RequestActivityAddedEvent(4));

        page.WaitForAssertion(() => Assert.AreEqual("status", page.FindAll("[data-testid=activity-entry]")[0].GetAttribute("data-kind")));
    }

    [TestMethod]
    public void ActivityAddedToAnotherRequest_PageNotReloaded()
    {
        var page = _context.Render<RequestPage>(p => p.Add(c => c.Number, 4));
        page.WaitForAssertion(() => Assert.HasCount(1, page.FindAll("[data-testid=activity-entry]")));
        _requests.Setup(r => r.GetActivityAsync(4, It.IsAny<ClaimsPrincipal>(), It.IsAny<CancellationToken>())).ReturnsAsync([Created, Status]);

        _events.Publish(new RequestActivityAddedEvent(5));
        // Delivered in order: once this one has shown, the one before it was handled (or ignored).
        _events.Publish(new RequestActivityAddedEvent(4));

        page.WaitForAssertion(() => Assert.HasCount(2, page.FindAll("[data-testid=activity-entry]")));
        _requests.Verify(r => r.GetActivityAsync(4, It.IsAny<ClaimsPrincipal>(), It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    [TestMethod]
    public async Task PageClosed_StopsListening()
    {
        _context.Render<RequestPage>(p => p.Add(c => c.Number, 4));
        Assert.AreEqual(1, _events.SubscribersOf<RequestActivityAddedEvent>());

        await _context.DisposeComponentsAsync();

        Assert.AreEqual(0, _events.SubscribersOf<RequestActivityAddedEvent>());
    }
}
