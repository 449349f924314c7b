using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using ServicePro.Contracts.Shell;
using ServicePro.Modules.Chat.Shell;

namespace ServicePro.Modules.Chat.Tests.Shell;

[TestClass]
public sealed class ChatAttentionTests
{
    private static readonly Guid Session = Guid.Parse("6f1c9d6e-3c55-4e1d-9a55-0d6b7f7a0002");
    private readonly Mock<IShellChat> _chat = new();
    private readonly Mock<IShellAttention> _attention = new();

    [TestMethod]
    public void EntryReceived_MentionOfHer_NoticeNamesTheAuthorWithTheText()
    {
        using var attention = Create();

        _chat.Raise(c => c.EntryReceived += null, _chat.Object, Message("bob", "@alice можешь глянуть? 打印机 🖨️"));

        _attention.Verify(a => a.NotifyAsync("Боб Иванов mentioned you", "@alice можешь глянуть? 打印机 🖨️", $"chat-mention-{Session:N}-5", It.IsAny<CancellationToken>()), Times.Once);
        _attention.Verify(a => a.CountUnreadAsync(It.IsAny<int>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [TestMethod]
    public void EntryReceived_OffTheRecordMention_TextKeptOutOfTheNotification()
    {
        using var attention = Create();

        _chat.Raise(c => c.EntryReceived += null, _chat.Object, Message("bob", "@alice secret", offTheRecordWith: "alice"));

        _attention.Verify(a => a.NotifyAsync(It.IsAny<string>(), "An Off the Record message", It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [TestMethod]
    public void EntryReceived_PlainMessageFromOther_OnlyCounted()
    {
        using var attention = Create();

        _chat.Raise(c => c.EntryReceived += null, _chat.Object, Message("bob", "Hello @alicia"));

        _attention.Verify(a => a.CountUnreadAsync(1, It.IsAny<CancellationToken>()), Times.Once);
        _attention.Verify(a => a.NotifyAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [TestMethod]
    public void EntryReceived_HerOwnMessageOrAJoin_Nothing()
    {
        using var attention = Create();

        _chat.Raise(c => c.EntryReceived += null, _chat.Object, Message("alice", "@alice note to self"));
        _chat.Raise(c => c.EntryReceived += null, _chat.Object, new ChatEntryDto(Session, 6, TranscriptLineKind.Joined, "bob", string.Empty, DateTimeOffset.UnixEpoch, null, null));

        _attention.VerifyNoOtherCalls();
    }

    [TestMethod]
    public void InvitationReceived_NoticeWithTheRequest()
    {
        using var attention = Create();
        var invitation = new ChatInvitationDto(Guid.NewGuid(), Session, "alice", "bob", 12, "Принтер 打印机", DateTimeOffset.UnixEpoch, InvitationStatus.Pending);

        _chat.Raise(c => c.InvitationReceived += null, _chat.Object, invitation);

        _attention.Verify(a => a.NotifyAsync("Боб Иванов invites you to chat", "About request 12: Принтер 打印机", $"chat-invitation-{invitation.InvitationId:N}", It.IsAny<CancellationToken>()), Times.Once);
    }

    [TestMethod]
    public void Dispose_EventsNoLongerReachTheShell()
    {
        Create().Dispose();

        _chat.Raise(c => c.EntryReceived += null, _chat.Object, Message("bob", "@alice?"));

        _attention.VerifyNoOtherCalls();
    }

    private ChatAttention Create() =>
        new(_chat.Object, _attention.Object, "alice", name => name == "bob" ? "Боб Иванов" : name, NullLogger.Instance);

    private static ChatEntryDto Message(string author, string text, string? offTheRecordWith = null) =>
        new(Session, 5, TranscriptLineKind.Message, author, text, DateTimeOffset.UnixEpoch, null, offTheRecordWith);
}
