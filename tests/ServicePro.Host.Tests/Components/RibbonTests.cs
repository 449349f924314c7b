using Bunit;
using Bunit.TestDoubles;
using Microsoft.FluentUI.AspNetCore.Components;
using ServicePro.Contracts.Extensibility;
using ServicePro.Contracts.Requests;
using ServicePro.Contracts.Components;
using ServicePro.Host.Tests.Support;
using static ServicePro.Host.Tests.Support.TestContributors;

namespace ServicePro.Host.Tests.Components;

[TestClass]
[DoNotParallelize]
public sealed class RibbonTests
{
    private ShellTestContext _context = null!;

    [TestInitialize]
    public void Create()
    {
        _context = new ShellTestContext();
        _context.AddAuthorization().SetAuthorized("alice");
        lock (Selections)
        {
            Selections.Clear();
        }
    }

    [TestCleanup]
    public void Dispose() => _context.Dispose();

    [TestMethod]
    public void Render_NoSocialContributions_SocialButtonHidden()
    {
        var ribbon = _context.Render<Ribbon>();

        Assert.IsNotNull(ribbon.Find("[data-testid=ribbon]"));
        Assert.IsEmpty(ribbon.FindAll("[data-testid=ribbon-social]"));
    }

    [TestMethod]
    public void Social_Clicked_ShowsContributedItemsInOrder()
    {
        _context.Services.AddMenuContributor<ChatSocialItems>().AddMenuContributor<ShareSocialItems>();
        var ribbon = _context.Render<Ribbon>(p => p.Add(r => r.Subject, new RequestReference(42, "Printer on fire")));

        // Opening and closing are the Fluent menu's (a web component): SocialMenuTests drive them in a browser.
        var items = ribbon.FindAll("[data-testid=social-menu] fluent-menu-item");
        CollectionAssert.AreEqual(new[] { "social-item-share", "social-item-chat" }, items.Select(i => i.GetAttribute("data-testid")).ToArray());
        Assert.AreEqual("mailto:?subject=42", ribbon.Find("[data-testid=social-item-share] a").GetAttribute("href"));
    }

    [TestMethod]
    public async Task SocialItem_Chosen_ToldThePagesSubject()
    {
        _context.Services.AddMenuContributor<ChatSocialItems>();
        var ribbon = _context.Render<Ribbon>(p => p.Add(r => r.Subject, new RequestReference(7, "VPN down")));

        await ChooseAsync(ribbon, "social-item-chat");

        Assert.AreEqual(new RequestReference(7, "VPN down"), Selections.Single().Subject);
    }

    [TestMethod]
    public async Task SocialLinkItem_Chosen_GoesToItsAddress()
    {
        _context.Services.AddMenuContributor<ShareSocialItems>();
        var ribbon = _context.Render<Ribbon>(p => p.Add(r => r.Subject, new RequestReference(42, "Printer on fire")));

        await ChooseAsync(ribbon, "social-item-share");

        Assert.AreEqual("mailto:?subject=42", _context.Services.GetRequiredService<BunitNavigationManager>().History.Single().Uri);
    }

    [TestMethod]
    public async Task SocialItem_OnWorkbench_NoSubject()
    {
        _context.Services.AddMenuContributor<ChatSocialItems>();
        var ribbon = _context.Render<Ribbon>();

        await ChooseAsync(ribbon, "social-item-chat");

        Assert.IsNull(Selections.Single().Subject);
    }

    [TestMethod]
    public async Task Social_OnAnotherModulesPage_ItsOwnSubjectReachesContributorsAsIs()
    {
        // A page of a module the shell knows nothing about, with a subject of its own type.
        var article = new KnowledgeArticle("KB-7", "Сброс пароля 🔑 重置密码");
        _context.Services.AddMenuContributor<ChatSocialItems>().AddMenuContributor<ShareSocialItems>();
        var ribbon = _context.Render<Ribbon>(p => p.Add(r => r.Subject, article));

        Assert.AreEqual("mailto:?subject=", ribbon.Find("[data-testid=social-item-share] a").GetAttribute("href"), "not a request: the general link");
        await ChooseAsync(ribbon, "social-item-chat");

        Assert.AreSame(article, Selections.Single().Subject);
    }

    /// <summary>What Fluent's menu item raises when chosen by click, Enter or Space (its "change" event).</summary>
    private static async Task ChooseAsync(IRenderedComponent<Ribbon> ribbon, string testId)
    {
        var item = ribbon.Find($"[data-testid={testId}]");
        await item.TriggerEventAsync("onmenuitemchange", new MenuItemEventArgs { Id = item.Id });
    }

    private sealed record KnowledgeArticle(string Key, string Title);

    [TestMethod]
    public async Task ModuleDisabled_ItsItemsVanishWithoutReload_AndComeBack()
    {
        _context.Services.AddMenuContributor<ChatSocialItems>().AddMenuContributor<ShareSocialItems>();
        var ribbon = _context.Render<Ribbon>();

        await _context.DisableAsync(typeof(ShareSocialItems));
        ribbon.WaitForAssertion(() => Assert.IsEmpty(ribbon.FindAll("[data-testid=social-item-share]")));
        Assert.HasCount(1, ribbon.FindAll("[data-testid=social-item-chat]"));

        await _context.DisableAsync(typeof(ChatSocialItems));
        ribbon.WaitForAssertion(() => Assert.IsEmpty(ribbon.FindAll("[data-testid=ribbon-social]"), "no contributions: the button is hidden"));

        await _context.EnableAsync(typeof(ShareSocialItems));
        ribbon.WaitForAssertion(() => Assert.HasCount(1, ribbon.FindAll("[data-testid=ribbon-social]")));
    }

    [TestMethod]
    public async Task SocialItem_Throws_RepSeesAClearError()
    {
        _context.Services.AddMenuContributor<BrokenSocialItem>();
        var ribbon = _context.Render<Ribbon>();

        await ChooseAsync(ribbon, "social-item-broken");

        Assert.AreEqual("Broken did not work: the mail server is down", ribbon.Find("[data-testid=ribbon-error]").TextContent);
    }

    [TestMethod]
    public void PageCommands_RenderedBeforeSocial()
    {
        _context.Services.AddMenuContributor<ChatSocialItems>();
        var ribbon = _context.Render<Ribbon>(p => p.AddChildContent("<button data-testid=\"request-save\">Save</button>"));

        var children = ribbon.Find("[data-testid=ribbon]").Children.Select(c => c.GetAttribute("data-testid") ?? c.ClassName).ToList();
        Assert.AreEqual("request-save", children[0]);
        Assert.AreEqual("ribbon-menu", children[1]);
    }
}
