using Bunit;
using Moq;
using ServicePro.Modules.Chat.Components;
using static ServicePro.Modules.Chat.Tests.Components.ChatComponentContext;

namespace ServicePro.Modules.Chat.Tests.Components;

/// <summary>The chat's text entry after a send: what was sent leaves the box (through chat-entry.js), whatever the draft says meanwhile.</summary>
[TestClass]
public sealed class ChatTextEntryComponentTests
{
    [TestMethod]
    public async Task Send_KeyTypedMeanwhileReportedAfterTheViewModelDroppedTheText_SentTextStillLeavesTheBox()
    {
        await using var chat = new ChatComponentContext();
        var wired = chat.Context.JSInterop.SetupModule(ChatConstants.EntryScript).SetupModule("wire", _ => true);
        wired.SetupVoid("sent", _ => true).SetVoidResult();
        await chat.StartShellAsync();
        await chat.Shell.StartSessionAsync(7);
        chat.Shell.CloseInvite();
        var state = chat.Shell.Windows.Single();
        var window = chat.Context.Render<ChatWindow>(p => p.Add(c => c.Window, state));
        const string text = "Привет 你好 👋";
        chat.Chat.Setup(c => c.SendMessageAsync(Session, text, null, It.IsAny<CancellationToken>()))
            .ReturnsAsync(Entry(3, TranscriptLineKind.Message, "alice", text));

        // A key typed while the message was on its way reaches the circuit after the view model dropped the sent text
        // from the draft: it reports the whole box, whose sent text the browser has not removed yet.
        var late = false;
        state.ViewModel.PropertyChanged += (_, e) =>
        {
            if (e.PropertyName == nameof(state.ViewModel.Draft) && state.ViewModel.Draft.Length == 0 && !late)
            {
                late = true;
                state.ViewModel.Draft = text + "второе";
            }
        };
        window.Find("[data-testid=chat-input]").TriggerEvent("ontextimmediate", new Microsoft.AspNetCore.Components.ChangeEventArgs { Value = text });
        await window.Find("form.chat-entry-form").SubmitAsync();

        Assert.IsTrue(late, "the late key was reported after the view model dropped the text");
        window.WaitForAssertion(() => Assert.AreEqual(text, wired.VerifyInvoke("sent").Arguments.Single()));
    }
}
