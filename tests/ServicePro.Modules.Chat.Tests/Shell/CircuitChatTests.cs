using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using ServicePro.Contracts.Modules;
using ServicePro.Modules.Chat.Application;
using ServicePro.Modules.Chat.Notifications;
using ServicePro.Modules.Chat.Shell;
using ServicePro.Modules.Chat.Tests.Support;

namespace ServicePro.Modules.Chat.Tests.Shell;

/// <summary>The shell's in-process adapter: calls as the circuit's rep, events on the circuit's renderer, faults as coded refusals.</summary>
[TestClass]
public sealed class CircuitChatTests
{
    private readonly Mock<IModuleStatus> _modules = new();
    private readonly ChatSubscribers _subscribers = new();
    private readonly List<Action> _queued = [];
    private ChatHarness _harness = null!;

    [TestInitialize]
    public async Task Start()
    {
        _harness = await ChatHarness.StartAsync();
        _modules.Setup(m => m.IsEnabled(ChatConstants.ModuleId)).Returns(true);
    }

    [TestCleanup]
    public async Task Stop() => await _harness.DisposeAsync();

    [TestMethod]
    public async Task StartSession_AttachedAsAlice_SheIsTheOriginatorWhateverTheCallPasses()
    {
        using var chat = Attached("alice");

        var session = await chat.StartSessionAsync(null);

        Assert.AreEqual("alice", session.Originator);
        CollectionAssert.AreEqual(new[] { "alice" }, session.Attendees.ToArray());
    }

    [TestMethod]
    public async Task SendMessage_CyrillicCjkAndEmojiAtTheLimit_StoredAsTypedForTheAttachedRep()
    {
        using var chat = Attached("alice");
        var session = await chat.StartSessionAsync(null);
        var text = string.Concat(Enumerable.Repeat("Привет世界👋", 1000))[..ChatConstants.MaxMessageLength];

        var entry = await chat.SendMessageAsync(session.SessionId, text);

        Assert.AreEqual("alice", entry.Author);
        Assert.AreEqual(text, entry.Text);
        Assert.AreNotEqual(Guid.Empty, entry.ClientMessageId);
    }

    [TestMethod]
    public async Task SendMessage_TwoInARow_TheShellMakesTimeOrderedClientIds()
    {
        using var chat = Attached("alice");
        var session = await chat.StartSessionAsync(null);

        var first = await chat.SendMessageAsync(session.SessionId, "Первое 第一 🥇");
        var second = await chat.SendMessageAsync(session.SessionId, "Второе 第二 🥈");

        // Version 7 ids sort by time, so the resend index (client id first) stores each new message at its end.
        Assert.AreEqual(7, first.ClientMessageId!.Value.Version);
        Assert.AreEqual(7, second.ClientMessageId!.Value.Version);
    }

    [TestMethod]
    public async Task Event_Received_RaisedOnlyWhenTheCircuitsDispatcherRunsIt()
    {
        using var chat = Attached("bob");
        var received = new List<ChatEntryDto>();
        chat.EntryReceived += (_, e) => received.Add(e);
        var entry = new ChatEntryDto(Guid.NewGuid(), 3, TranscriptLineKind.Message, "alice", "Hi", DateTimeOffset.UnixEpoch, Guid.NewGuid(), null);

        var delivered = ((IChatClient)chat).EntryAdded(entry);

        Assert.IsTrue(delivered.IsCompletedSuccessfully, "the notifier is never held up by a shell");
        Assert.IsEmpty(received, "nothing changes off the renderer's thread");
        _queued.ForEach(run => run());
        CollectionAssert.AreEqual(new[] { entry }, received);
    }

    [TestMethod]
    public async Task Event_AViewModelHandlerThrows_TheNotifierIsNotFailed()
    {
        using var chat = new CircuitChat(_harness.App, _subscribers, _modules.Object, NullLogger<CircuitChat>.Instance);
        chat.Attach(Principal("bob"), action =>
        {
            action();
            return Task.CompletedTask;
        });
        chat.SessionEnded += (_, _) => throw new InvalidOperationException("a broken view model");

        var delivered = ((IChatClient)chat).SessionEnded(new SessionEndedDto(Guid.NewGuid(), DateTimeOffset.UnixEpoch, TimeSpan.Zero, "The originator left."));

        Assert.IsTrue(delivered.IsCompletedSuccessfully);
        await delivered;
    }

    [TestMethod]
    public void Attach_ThenDispose_SubscribedForItsRepOnlyWhileItLives()
    {
        var chat = Attached("bob");
        Assert.HasCount(1, _subscribers.Of(["BOB"]));
        Assert.IsEmpty(_subscribers.Of(["alice"]));

        chat.Dispose();

        Assert.IsEmpty(_subscribers.Of(["bob"]));
    }

    [TestMethod]
    public async Task Call_ModuleDisabled_RefusedWithTheHubsCode()
    {
        using var chat = Attached("alice");
        _modules.Setup(m => m.IsEnabled(ChatConstants.ModuleId)).Returns(false);

        var refused = await Assert.ThrowsExactlyAsync<ChatException>(() => chat.StartSessionAsync(null));

        Assert.AreEqual(ChatConstants.Errors.ModuleDisabled, refused.Code);
    }

    [TestMethod]
    public async Task Call_TheDatabaseFails_StorageFailedInWordsAndNoRawFault()
    {
        using var chat = Attached("alice");
        var session = await chat.StartSessionAsync(null);
        await using (var db = _harness.Databases.Create())
        {
            await db.Database.ExecuteSqlRawAsync("DROP TABLE ChatEntries");
        }

        var refused = await Assert.ThrowsExactlyAsync<ChatException>(() => chat.SendMessageAsync(session.SessionId, "hello"));

        Assert.AreEqual(ChatConstants.Errors.StorageFailed, refused.Code);
        StringAssert.Contains(refused.Message, "Try again");
    }

    [TestMethod]
    public void Attach_NotSignedIn_Refused()
    {
        using var chat = new CircuitChat(_harness.App, _subscribers, _modules.Object, NullLogger<CircuitChat>.Instance);

        var refused = Assert.ThrowsExactly<ChatException>(() => chat.Attach(new ClaimsPrincipal(new ClaimsIdentity()), _ => Task.CompletedTask));

        Assert.AreEqual(ChatConstants.Errors.NotSignedIn, refused.Code);
        Assert.IsEmpty(_subscribers.All());
    }

    private CircuitChat Attached(string user)
    {
        var chat = new CircuitChat(_harness.App, _subscribers, _modules.Object, NullLogger<CircuitChat>.Instance);
        chat.Attach(Principal(user), action =>
        {
            _queued.Add(action);
            return Task.CompletedTask;
        });
        return chat;
    }

    private static ClaimsPrincipal Principal(string user) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, user)], "Identity.Application"));
}
