using Bunit;
using ServicePro.Modules.Chat.Client;
using ServicePro.Modules.Chat.Components;

namespace ServicePro.Modules.Chat.Tests.Components;

[TestClass]
public sealed class ChatConnectionBannerTests
{
    private ChatComponentContext _chat = null!;

    [TestInitialize]
    public void Create() => _chat = new ChatComponentContext();

    [TestCleanup]
    public async Task Dispose() => await _chat.DisposeAsync();

    [TestMethod]
    public void StateChanged_ReconnectingThenConnected_BannerShownThenGone()
    {
        var banner = _chat.Context.Render<ChatConnectionBanner>();
        banner.WaitForAssertion(() => Assert.IsTrue(_chat.Shell.IsStarted));
        Assert.IsEmpty(banner.FindAll("[data-testid=chat-connection-status]"), "nothing to say while connected");

        _chat.Chat.SetupGet(c => c.State).Returns(ChatConnectionState.Reconnecting);
        banner.InvokeAsync(() => _chat.Chat.Raise(c => c.StateChanged += null, _chat.Chat.Object, ChatConnectionState.Reconnecting));

        banner.WaitForAssertion(() => Assert.AreEqual("Chat reconnecting…", banner.Find("[data-testid=chat-connection-status]").TextContent.Trim()));
        Assert.AreEqual("reconnecting", banner.Find("[data-testid=chat-connection-status]").GetAttribute("data-state"));

        _chat.Chat.SetupGet(c => c.State).Returns(ChatConnectionState.Connected);
        banner.InvokeAsync(() => _chat.Chat.Raise(c => c.StateChanged += null, _chat.Chat.Object, ChatConnectionState.Connected));

        banner.WaitForAssertion(() => Assert.IsEmpty(banner.FindAll("[data-testid=chat-connection-status]")));
    }
}
