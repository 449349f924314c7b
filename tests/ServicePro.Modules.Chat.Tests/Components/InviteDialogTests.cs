using Microsoft.JSInterop;
using Bunit;
using Moq;
using ServicePro.Modules.Chat.Components;
using static ServicePro.Modules.Chat.Tests.Components.ChatComponentContext;

namespace ServicePro.Modules.Chat.Tests.Components;

[TestClass]
public sealed class InviteDialogTests
{
    private ChatComponentContext _chat = null!;

    [TestInitialize]
    public void Create() => _chat = new ChatComponentContext();

    [TestCleanup]
    public async Task Dispose() => await _chat.DisposeAsync();

    [TestMethod]
    public async Task Render_OtherReps_OfflineShownButCannotBePicked()
    {
        var dialog = await OpenAsync();

        Assert.IsEmpty(dialog.FindAll("[data-testid=invite-candidate-alice]"), "not the rep who invites");
        Assert.AreEqual("Offline", dialog.Find("[data-testid=invite-candidate-admin]").GetAttribute("data-status"));
        Assert.IsTrue(dialog.Find("[data-testid=invite-candidate-admin] input").HasAttribute("disabled"));
        Assert.AreEqual("Busy", dialog.Find("[data-testid=invite-candidate-bob]").GetAttribute("data-status"));
        Assert.IsFalse(dialog.Find("[data-testid=invite-candidate-bob] input").HasAttribute("disabled"));
        Assert.IsTrue(dialog.Find("[data-testid=invite-send]").HasAttribute("disabled"), "nothing picked yet");
        Assert.HasCount(1, dialog.FindAll("[autofocus]"), "the Fluent dialog focuses one control when it opens");
        Assert.IsTrue(dialog.Find("[data-testid=invite-candidate-bob] input").HasAttribute("autofocus"), "the first rep who can be picked");
    }

    [TestMethod]
    public async Task Send_TwoPicked_InvitesBothAndCloses()
    {
        _chat.Chat.Setup(c => c.InviteAsync(Session, It.IsAny<IReadOnlyCollection<string>>(), It.IsAny<CancellationToken>())).ReturnsAsync([]);
        var dialog = await OpenAsync();

        dialog.Find("[data-testid=invite-candidate-bob] input").Change(true);
        dialog.Find("[data-testid=invite-candidate-carol] input").Change(true);
        dialog.Find("[data-testid=invite-send]").Click();

        _chat.Chat.Verify(c => c.InviteAsync(Session, It.Is<IReadOnlyCollection<string>>(n => n.SequenceEqual(new[] { "bob", "carol" })), It.IsAny<CancellationToken>()));
        Assert.IsNull(_chat.Shell.InviteWindow);
    }

    [TestMethod]
    public async Task Cancel_ClosesWithoutInviting()
    {
        var dialog = await OpenAsync();

        dialog.Find("[data-testid=invite-cancel]").Click();

        Assert.IsNull(_chat.Shell.InviteWindow);
        _chat.Chat.Verify(c => c.InviteAsync(It.IsAny<Guid>(), It.IsAny<IReadOnlyCollection<string>>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [TestMethod]
    public async Task Open_TheBrowserCannotMoveTheFocus_TheWindowStillOpensAndWorks()
    {
        // The focus call comes after the first render; the window may have gone from the page by then (the chat ended).
        // The browser then refuses the focus: that must not reach the pop-ups' error boundary.
        _chat.Context.JSInterop.SetupVoid("Blazor._internal.domWrapper.focus", _ => true).SetException(new JSException("Unable to focus an invalid element."));

        var dialog = await OpenAsync();
        dialog.Find("[data-testid=invite-cancel]").Click();

        Assert.IsNull(_chat.Shell.InviteWindow);
    }

    private async Task<IRenderedComponent<InviteDialog>> OpenAsync()
    {
        _chat.SessionDto = _chat.SessionDto with { Attendees = ["alice"] };
        _chat.Entries.RemoveAt(1);
        await _chat.StartShellAsync();
        await _chat.Shell.StartSessionAsync(null);
        return _chat.Context.Render<InviteDialog>(p => p.Add(c => c.ViewModel, _chat.Shell.InviteWindow!));
    }
}
