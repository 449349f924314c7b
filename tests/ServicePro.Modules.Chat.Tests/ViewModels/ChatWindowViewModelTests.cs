using Microsoft.Extensions.Time.Testing;
using Moq;
using ServicePro.Contracts.Extensibility;
using ServicePro.Modules.Chat.Application;
using ServicePro.Modules.Chat.ViewModels;

namespace ServicePro.Modules.Chat.Tests.ViewModels;

[TestClass]
public sealed class ChatWindowViewModelTests
{
    private static readonly Guid Session = Guid.NewGuid();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
    private readonly Mock<IChatApi> _chat = new();

    [TestMethod]
    public async Task Load_Session_ShowsAttendeesWithAvailabilityAndTheDialogInOrder()
    {
        var window = await OpenAsync("bob");

        CollectionAssert.AreEqual(new[] { new ChatAttendee("alice", PresenceStatus.Busy), new ChatAttendee("bob", PresenceStatus.Available) }, window.Attendees.ToArray());
        CollectionAssert.AreEqual(new long[] { 1, 2 }, window.Entries.Select(e => e.Sequence).ToArray());
        Assert.IsFalse(window.IsOriginator);
    }

    [TestMethod]
    public async Task EntryReceived_OutOfOrderAndTwice_ShownOnceInSequenceOrder()
    {
        var window = await OpenAsync("alice");

        Raise(Entry(4, "later"));
        Raise(Entry(3, "earlier"));
        Raise(Entry(4, "later"));
        Raise(Entry(5, "other session") with { SessionId = Guid.NewGuid() });

        CollectionAssert.AreEqual(new long[] { 1, 2, 3, 4 }, window.Entries.Select(e => e.Sequence).ToArray());
    }

    [TestMethod]
    public async Task Send_Draft_SendsAndClearsTheBox()
    {
        var window = await OpenAsync("alice");
        _chat.Setup(c => c.SendMessageAsync(Session, "Hello", null, It.IsAny<CancellationToken>())).ReturnsAsync(Entry(3, "Hello"));
        window.Draft = "Hello";

        await window.SendCommand.ExecuteAsync(null);

        Assert.AreEqual(string.Empty, window.Draft);
        Assert.AreEqual("Hello", window.Entries[^1].Text);
        Assert.IsNull(window.Error);
    }

    [TestMethod]
    public async Task Send_TypingWhileTheSendIsOnItsWay_KeepsWhatWasTypedAfter()
    {
        var window = await OpenAsync("alice");
        var acknowledged = new TaskCompletionSource<ChatEntryDto>();
        _chat.Setup(c => c.SendMessageAsync(Session, "Привет", null, It.IsAny<CancellationToken>())).Returns(acknowledged.Task);
        window.Draft = "Привет";

        var sending = window.SendCommand.ExecuteAsync(null);
        window.Draft = "Привет 你好 🙂";
        acknowledged.SetResult(Entry(3, "Привет"));
        await sending;

        Assert.AreEqual("你好 🙂", window.Draft);
        Assert.AreEqual("Привет", window.Entries[^1].Text);
    }

    [TestMethod]
    public async Task Send_Refused_KeepsTheDraftAndShowsWhy()
    {
        var window = await OpenAsync("alice");
        _chat.Setup(c => c.SendMessageAsync(Session, "Hello", null, It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ChatException(ChatConstants.Errors.SessionEnded, "This session has ended."));
        window.Draft = "Hello";

        await window.SendCommand.ExecuteAsync(null);

        Assert.AreEqual("Hello", window.Draft);
        Assert.AreEqual("This session has ended.", window.Error);
    }

    [TestMethod]
    public async Task Send_EmptyOrTooLong_CannotExecute()
    {
        var window = await OpenAsync("alice");

        window.Draft = "   ";
        var empty = window.SendCommand.CanExecute(null);
        window.Draft = new string('x', 4001);
        var tooLong = window.SendCommand.CanExecute(null);
        window.Draft = "ok";

        Assert.IsFalse(empty);
        Assert.IsFalse(tooLong);
        Assert.IsTrue(window.SendCommand.CanExecute(null));
    }

    [TestMethod]
    public async Task Send_OffTheRecordWithoutRecipient_AsksToPickOneAndSendsNothing()
    {
        var window = await OpenAsync("alice");
        window.Draft = "psst";
        window.IsOffTheRecord = true;

        await window.SendCommand.ExecuteAsync(null);

        StringAssert.Contains(window.Error, "pick the attendee");
        _chat.Verify(c => c.SendMessageAsync(It.IsAny<Guid>(), It.IsAny<string>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [TestMethod]
    public async Task Send_OffTheRecordWithBob_GoesToBobOnly()
    {
        var window = await OpenAsync("alice");
        _chat.Setup(c => c.SendMessageAsync(Session, "psst", "bob", It.IsAny<CancellationToken>())).ReturnsAsync(Entry(3, "psst") with { OffTheRecordWith = "bob" });
        window.Draft = "psst";
        window.IsOffTheRecord = true;
        window.OffTheRecordWith = "bob";

        await window.SendCommand.ExecuteAsync(null);

        Assert.AreEqual("bob", window.Entries[^1].OffTheRecordWith);
    }

    [TestMethod]
    public async Task ChatTime_RunningThenPausedByOriginator_ClockStopsAndOnlyTheOriginatorMayChangeIt()
    {
        var window = await OpenAsync("alice");
        var bobsWindow = await OpenAsync("bob");
        _chat.Setup(c => c.PauseChatTimeAsync(Session, It.IsAny<CancellationToken>())).ReturnsAsync(new ChatTimeDto(Session, TimeSpan.FromMinutes(5), false, _time.GetUtcNow()));

        _time.Advance(TimeSpan.FromMinutes(5));
        window.Tick();
        var running = window.Clock.Value;
        await window.Clock.PauseCommand.ExecuteAsync(null);
        _time.Advance(TimeSpan.FromMinutes(1));
        window.Tick();

        Assert.AreEqual(TimeSpan.FromMinutes(5), running);
        Assert.AreEqual(TimeSpan.FromMinutes(5), window.Clock.Value);
        Assert.IsTrue(window.Clock.ResumeCommand.CanExecute(null));
        Assert.IsFalse(bobsWindow.Clock.PauseCommand.CanExecute(null));
        Assert.IsFalse(bobsWindow.Clock.SetCommand.CanExecute(null));
    }

    [TestMethod]
    public async Task SetChatTime_NotATime_ExplainsTheFormatAndSendsNothing()
    {
        var window = await OpenAsync("alice");
        window.Clock.Input = "soon";

        await window.Clock.SetCommand.ExecuteAsync(null);

        StringAssert.Contains(window.Error, "hh:mm:ss");
        _chat.Verify(c => c.SetChatTimeAsync(It.IsAny<Guid>(), It.IsAny<TimeSpan>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [TestMethod]
    [DataRow("Время", DisplayName = "Cyrillic")]
    [DataRow("时间", DisplayName = "CJK")]
    [DataRow("⏱️", DisplayName = "Emoji")]
    public async Task SetChatTime_TextAtTheBoxLimit_ExplainsTheFormatKeepsTheTextAndSendsNothing(string piece)
    {
        var window = await OpenAsync("alice");
        var text = string.Concat(Enumerable.Repeat(piece, ShellLimits.MaxTextLength))[..ShellLimits.MaxTextLength];
        window.Clock.Input = text;

        await window.Clock.SetCommand.ExecuteAsync(null);

        StringAssert.Contains(window.Error, "hh:mm:ss");
        Assert.AreEqual(text, window.Clock.Input, "what she typed stays in the box");
        _chat.Verify(c => c.SetChatTimeAsync(It.IsAny<Guid>(), It.IsAny<TimeSpan>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [TestMethod]
    public async Task Events_SessionEndedPresenceAndOffTheRecord_UpdateTheWindow()
    {
        var window = await OpenAsync("bob");

        _chat.Raise(c => c.PresenceChanged += null, _chat.Object, new PresenceDto("alice", PresenceStatus.Away));
        _chat.Raise(c => c.OffTheRecordSelected += null, _chat.Object, new OffTheRecordNotice(Session, "alice", 3));
        _chat.Raise(c => c.SessionEnded += null, _chat.Object, new SessionEndedDto(Session, _time.GetUtcNow(), TimeSpan.FromMinutes(7), "The originator left."));

        Assert.AreEqual(PresenceStatus.Away, window.Attendees.Single(a => a.UserName == "alice").Status);
        Assert.AreEqual("alice selected Off the Record with you.", window.OffTheRecordNotice);
        Assert.IsTrue(window.IsEnded);
        Assert.AreEqual(TimeSpan.FromMinutes(7), window.Clock.Value);
        Assert.IsFalse(window.SendCommand.CanExecute(null));
    }

    [TestMethod]
    public async Task Leave_Attendee_LeavesAndAsksToClose()
    {
        var window = await OpenAsync("bob");
        var closed = false;
        window.CloseRequested += (_, _) => closed = true;

        await window.LeaveCommand.ExecuteAsync(null);

        _chat.Verify(c => c.LeaveSessionAsync(Session, It.IsAny<CancellationToken>()), Times.Once);
        Assert.IsTrue(closed);
    }

    [TestMethod]
    public async Task UserTyping_OtherAttendee_ShownUntilTheirMessageOrAFewQuietSeconds()
    {
        var window = await OpenAsync("alice");

        _chat.Raise(c => c.UserTyping += null, _chat.Object, new TypingNotice(Session, "bob"));
        Assert.AreEqual("bob is typing…", window.TypingText);
        _chat.Raise(c => c.UserTyping += null, _chat.Object, new TypingNotice(Session, "alice"));
        Assert.AreEqual("bob is typing…", window.TypingText, "not the rep themself");

        Raise(Entry(3, "done") with { Author = "bob" });
        Assert.IsNull(window.TypingText);

        _chat.Raise(c => c.UserTyping += null, _chat.Object, new TypingNotice(Session, "bob"));
        _time.Advance(ChatWindowViewModel.TypingShownFor);
        window.Tick();
        Assert.IsNull(window.TypingText);
    }

    [TestMethod]
    public async Task Draft_TypedQuickly_TypingAnnouncedAtMostEveryTwoSeconds()
    {
        var window = await OpenAsync("alice");

        window.Draft = "h";
        window.Draft = "he";
        window.Draft = "hel";
        _time.Advance(ChatWindowViewModel.TypingSentEvery);
        window.Draft = "hell";

        _chat.Verify(c => c.TypingAsync(Session, It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    private async Task<ChatWindowViewModel> OpenAsync(string currentUser)
    {
        _chat.Setup(c => c.GetSessionAsync(Session, It.IsAny<CancellationToken>())).ReturnsAsync(new ChatSessionDto(
            Session, null, null, "alice", ["alice", "bob"], _time.GetUtcNow(), null, new ChatTimeDto(Session, TimeSpan.Zero, true, _time.GetUtcNow()), 2));
        _chat.Setup(c => c.GetPresenceAsync(It.IsAny<CancellationToken>())).ReturnsAsync([new PresenceDto("alice", PresenceStatus.Busy), new PresenceDto("bob", PresenceStatus.Available)]);
        _chat.Setup(c => c.GetEntriesAsync(Session, 0, It.IsAny<CancellationToken>())).ReturnsAsync([Entry(2, "alice started") with { Kind = TranscriptLineKind.Joined }, Entry(1, "hello")]);
        var window = new ChatWindowViewModel(_chat.Object, _time) { CurrentUser = currentUser };
        await window.LoadAsync(Session);
        return window;
    }

    private void Raise(ChatEntryDto entry) => _chat.Raise(c => c.EntryReceived += null, _chat.Object, entry);

    private ChatEntryDto Entry(long sequence, string text) =>
        new(Session, sequence, TranscriptLineKind.Message, "alice", text, _time.GetUtcNow(), Guid.NewGuid(), null);
}
