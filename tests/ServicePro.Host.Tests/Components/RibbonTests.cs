using Bunit;
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

        Assert.IsEmpty(ribbon.FindAll("[data-testid=social-menu]"), "the menu is closed until Social is chosen");
        ribbon.Find("[data-testid=ribbon-social]").Click();

        var items = ribbon.FindAll("[data-testid=social-menu] [role=menuitem]");
        CollectionAssert.AreEqual(new[] { "social-item-share", "social-item-chat" }, items.Select(i => i.GetAttribute("data-testid")).ToArray());
        Assert.AreEqual("mailto:?subject=42", ribbon.Find("[data-testid=social-item-share]").GetAttribute("href"));
    }

    [TestMethod]
    public void SocialItem_Chosen_ToldThePagesSubject()
    {
        _context.Services.AddMenuContributor<ChatSocialItems>();
        var ribbon = _context.Render<Ribbon>(p => p.Add(r => r.Subject, new RequestReference(7, "VPN down")));

        ribbon.Find("[data-testid=ribbon-social]").Click();
        ribbon.Find("[data-testid=social-item-chat]").Click();

        Assert.AreEqual(new RequestReference(7, "VPN down"), Selections.Single().Subject);
        Assert.IsEmpty(ribbon.FindAll("[data-testid=social-menu]"), "the menu closes after a choice");
    }

    [TestMethod]
    public void SocialItem_OnWorkbench_NoSubject()
    {
        _context.Services.AddMenuContributor<ChatSocialItems>();
        var ribbon = _context.Render<Ribbon>();

        ribbon.Find("[data-testid=ribbon-social]").Click();
        ribbon.Find("[data-testid=social-item-chat]").Click();

        Assert.IsNull(Selections.Single().Subject);
    }

    [TestMethod]
    public void Social_OnAnotherModulesPage_ItsOwnSubjectReachesContributorsAsIs()
    {
        // A page of a module the shell knows nothing about, with a subject of its own type.
        var article = new KnowledgeArticle("KB-7", "Сброс пароля 🔑 重置密码");
        _context.Services.AddMenuContributor<ChatSocialItems>().AddMenuContributor<ShareSocialItems>();
        var ribbon = _context.Render<Ribbon>(p => p.Add(r => r.Subject, article));

        ribbon.Find("[data-testid=ribbon-social]").Click();
        Assert.AreEqual("mailto:?subject=", ribbon.Find("[data-testid=social-item-share]").GetAttribute("href"), "not a request: the general link");
        ribbon.Find("[data-testid=social-item-chat]").Click();

        Assert.AreSame(article, Selections.Single().Subject);
    }

    private sealed record KnowledgeArticle(string Key, string Title);

    [TestMethod]
    public async Task ModuleDisabled_ItsItemsVanishWithoutReload_AndComeBack()
    {
        _context.Services.AddMenuContributor<ChatSocialItems>().AddMenuContributor<ShareSocialItems>();
        var ribbon = _context.Render<Ribbon>();
        ribbon.Find("[data-testid=ribbon-social]").Click();

        await _context.DisableAsync(typeof(ShareSocialItems));
        ribbon.WaitForAssertion(() => Assert.IsEmpty(ribbon.FindAll("[data-testid=social-item-share]")));
        Assert.HasCount(1, ribbon.FindAll("[data-testid=social-item-chat]"));

        await _context.DisableAsync(typeof(ChatSocialItems));
        ribbon.WaitForAssertion(() => Assert.IsEmpty(ribbon.FindAll("[data-testid=ribbon-social]"), "no contributions: the button is hidden"));

        await _context.EnableAsync(typeof(ShareSocialItems));
        ribbon.WaitForAssertion(() => Assert.HasCount(1, ribbon.FindAll("[data-testid=ribbon-social]")));
    }

    [TestMethod]
    public void SocialItem_Throws_RepSeesAClearError()
    {
        _context.Services.AddMenuContributor<BrokenSocialItem>();
        var ribbon = _context.Render<Ribbon>();

        ribbon.Find("[data-testid=ribbon-social]").Click();
        ribbon.Find("[data-testid=social-item-broken]").Click();

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
