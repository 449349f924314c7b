using Bunit;
using Microsoft.FluentUI.AspNetCore.Components;
using ServicePro.Contracts.Chat;
using ServicePro.Modules.Requests.Components;
using ServicePro.Modules.Requests.Services;
using Kinds = ServicePro.Modules.Requests.RequestsConstants.ActivityKinds;

namespace ServicePro.Modules.Requests.Tests.Components;

[TestClass]
public sealed class ActivityStreamTests
{
    private static readonly DateTime Start = new(2026, 11, 26, 9, 0, 0, DateTimeKind.Utc);
    private static readonly TranscriptLine[] Lines =
    [
        new(new DateTimeOffset(Start), "alice", TranscriptLineKind.Message, "<script>alert('x')</script>"),
        new(new DateTimeOffset(Start.AddSeconds(5)), "dave", TranscriptLineKind.Left, string.Empty),
    ];

    private BunitContext _context = null!;

    [TestInitialize]
    public void Create()
    {
        _context = new BunitContext();
        _context.JSInterop.Mode = JSRuntimeMode.Loose;
        _context.Services.AddFluentUIComponents();
    }

    [TestCleanup]
    public void Dispose() => _context.Dispose();

    private static ActivityView Chat(IReadOnlyList<TranscriptLine>? transcript) =>
        new(9, Kinds.Chat, Start.AddMinutes(6), "alice", null, null, null,
            new ChatActivityView(Guid.NewGuid(), ["alice", "dave"], Start, Start.AddMinutes(6), new TimeSpan(1, 2, 3), transcript));

    [TestMethod]
    public void Render_ChatReadable_TranscriptDurationAndParticipants()
    {
        var stream = _context.Render<ActivityStream>(p => p.Add(s => s.Entries, [Chat(Lines)]));

        var entry = stream.Find("[data-testid=activity-entry]");
        Assert.AreEqual("chat", entry.GetAttribute("data-kind"));
        Assert.AreEqual("1:02:03", stream.Find("[data-testid=activity-duration]").TextContent);
        Assert.AreEqual("alice, dave", stream.Find("[data-testid=activity-participants]").TextContent);
        var transcript = stream.Find("[data-testid=activity-transcript]");
        StringAssert.Contains(transcript.TextContent, "<script>alert('x')</script>", "script is shown as text");
        Assert.IsEmpty(stream.FindAll("script"), "and never becomes an element");
        StringAssert.Contains(transcript.TextContent, "left");
    }

    [TestMethod]
    public void Render_ChatNotReadable_NoTranscriptButThatItTookPlaceWhoAndHowLong()
    {
        var stream = _context.Render<ActivityStream>(p => p.Add(s => s.Entries, [Chat(null)]));

        Assert.IsEmpty(stream.FindAll("[data-testid=activity-transcript]"));
        Assert.AreEqual("1:02:03", stream.Find("[data-testid=activity-duration]").TextContent);
        Assert.AreEqual("alice, dave", stream.Find("[data-testid=activity-participants]").TextContent);
        Assert.HasCount(1, stream.FindAll("[data-testid=activity-transcript-hidden]"));
        Assert.DoesNotContain("alert", stream.Markup, "the viewer never receives the transcript");
    }

    [TestMethod]
    public void Render_EveryKind_InTheOrderGiven_WithReadableSummaries()
    {
        ActivityView[] entries =
        [
            new(4, Kinds.Note, Start.AddMinutes(3), "bob", "<img src=x onerror=alert(1)>", null, null, null),
            new(3, Kinds.Assignment, Start.AddMinutes(2), "alice", null, null, "bob", null),
            new(2, Kinds.Status, Start.AddMinutes(1), "alice", null, "New", "InProgress", null),
            new(1, Kinds.Created, Start, "alice", null, null, null, null),
        ];

        var stream = _context.Render<ActivityStream>(p => p.Add(s => s.Entries, entries));

        var rendered = stream.FindAll("[data-testid=activity-entry]");
        CollectionAssert.AreEqual(new[] { "note", "assignment", "status", "created" }, rendered.Select(e => e.GetAttribute("data-kind")).ToArray());
        StringAssert.Contains(rendered[1].TextContent, "assigned it to bob");
        StringAssert.Contains(rendered[2].TextContent, "changed the status from New to In progress");
        Assert.AreEqual("<img src=x onerror=alert(1)>", stream.Find("[data-testid=activity-note]").TextContent);
        Assert.IsEmpty(stream.FindAll("img"));
    }

    [TestMethod]
    public void Render_Empty_SaysSo()
    {
        var stream = _context.Render<ActivityStream>(p => p.Add(s => s.Entries, []));

        Assert.HasCount(1, stream.FindAll("[data-testid=activity-empty]"));
    }
}
