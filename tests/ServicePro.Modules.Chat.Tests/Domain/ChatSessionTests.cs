using ServicePro.Modules.Chat.Application;
using ServicePro.Modules.Chat.Domain;

namespace ServicePro.Modules.Chat.Tests.Domain;

/// <summary>The session's rules on the aggregate, without a database: each refusal leaves the session as it was.</summary>
[TestClass]
public sealed class ChatSessionTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);

    [TestMethod]
    public void Post_BySomeoneNotInTheSession_RefusedAndNoSequenceNumberUsed()
    {
        var session = Started();

        var refused = Assert.ThrowsExactly<ChatException>(() => session.Post("mallory", "hi", Guid.NewGuid(), null, T0));

        Assert.AreEqual(ChatConstants.Errors.NotAttendee, refused.Code);
        Assert.AreEqual(2, session.Record.LastSequence, "the start and bob's join only");
        Assert.AreEqual(3, session.Post("bob", "Ёжик 🦔 刺猬", Guid.NewGuid(), null, T0).Sequence);
    }

    [TestMethod]
    public void Post_OffTheRecordWithSelfOrAStranger_Refused_WithTheOtherAttendee_Addressed()
    {
        var session = Started();

        Assert.AreEqual(ChatConstants.Errors.OffTheRecordRecipientInvalid,
            Assert.ThrowsExactly<ChatException>(() => session.Post("alice", "x", Guid.NewGuid(), "alice", T0)).Code);
        Assert.AreEqual(ChatConstants.Errors.OffTheRecordRecipientInvalid,
            Assert.ThrowsExactly<ChatException>(() => session.Post("alice", "x", Guid.NewGuid(), "carol", T0)).Code);
        Assert.AreEqual("bob", session.Post("alice", "x", Guid.NewGuid(), "BOB", T0).OffTheRecordWith);
    }

    [TestMethod]
    public void ChatTime_PausedSetAndResumed_CountsOnlyWhileRunning()
    {
        var session = Started();

        session.PauseChatTime(T0.AddMinutes(5));
        Assert.AreEqual(TimeSpan.FromMinutes(5), session.ChatTimeAt(T0.AddHours(1)), "paused: it does not move");
        session.SetChatTime(TimeSpan.FromMinutes(2), T0.AddHours(1));
        session.ResumeChatTime(T0.AddHours(2));

        Assert.AreEqual(TimeSpan.FromMinutes(3), session.ChatTimeAt(T0.AddHours(2).AddMinutes(1)));
        Assert.AreEqual(ChatConstants.Errors.ChatTimeInvalid,
            Assert.ThrowsExactly<ChatException>(() => session.SetChatTime(TimeSpan.FromHours(25), T0)).Code);
    }

    [TestMethod]
    public void End_TheOriginatorLeaves_EveryoneLeavesTheClockStopsAndLaterActionsAreRefused()
    {
        var session = Started();

        var ending = session.End("alice", ChatSession.ReasonOriginatorLeft, T0.AddMinutes(7));

        CollectionAssert.AreEqual(new[] { "alice", "bob" }, ending.Attendees.ToArray());
        Assert.AreEqual(TimeSpan.FromMinutes(7), ending.Length);
        CollectionAssert.AreEqual(new[] { TranscriptLineKind.Left, TranscriptLineKind.System }, ending.Notes.Select(n => n.Kind).ToArray());
        Assert.IsEmpty(session.CurrentAttendees);
        Assert.IsTrue(session.IsReadableBy("bob"), "those who took part still read an ended session");
        Assert.AreEqual(ChatConstants.Errors.SessionEnded,
            Assert.ThrowsExactly<ChatException>(() => session.Post("bob", "late", Guid.NewGuid(), null, T0.AddMinutes(8))).Code);
    }

    [TestMethod]
    public void Leave_AnAttendeeWhoLeft_CannotReadTheLiveSessionUntilSheJoinsAgain()
    {
        var session = Started();

        session.Leave("bob", T0.AddMinutes(1));
        Assert.IsFalse(session.IsReadableBy("bob"));
        session.Join("bob", T0.AddMinutes(2));

        Assert.IsTrue(session.IsReadableBy("bob"));
        Assert.HasCount(2, session.AllAttendees, "a rep who comes back is the same attendee");
    }

    private static ChatSession Started()
    {
        var session = ChatSession.Start("alice", null, null, T0, out _);
        session.Join("bob", T0);
        return session;
    }
}
