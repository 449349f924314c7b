using System.Net;
using System.Net.Http.Headers;
using ServicePro.Chat.Client.Tests.Support;
using ServicePro.Testing;

namespace ServicePro.Chat.Client.Tests;

/// <summary>
/// Attachments as an outside client uses them, against the real host: upload through the hub (a stream of chunks well
/// past SignalR's 32 KB message limit), download over HTTP with the bearer token, and who is refused.
/// </summary>
[TestClass]
[TestCategory(TestCategories.Slow)]
public sealed class ChatClientAttachmentsTests
{
    private const int MaxBytes = 300_000;

    private static HostProcess s_host = null!;

    private readonly Dictionary<ChatClient, string> _names = [];

    public TestContext TestContext { get; set; } = null!;

    [ClassInitialize]
    public static async Task Start(TestContext context) =>
        s_host = await ChatHost.StartAsync(new Dictionary<string, string> { ["Modules:chat:Attachments:MaxBytes"] = MaxBytes.ToString(System.Globalization.CultureInfo.InvariantCulture) }, context.CancellationToken);

    [ClassCleanup]
    public static async Task Stop() => await s_host.DisposeAsync();

    [TestMethod]
    public async Task UploadAttachment_ThroughTheHub_AttendeesDownloadTheSameBytesOthersRefused()
    {
        await using var alice = await StartAsync("alice");
        await using var bob = await StartAsync("bob");
        await using var carol = await StartAsync("carol");
        await using var admin = await StartAsync("admin");
        var session = await SessionWithAsync(alice, bob, carol);
        var bytes = Enumerable.Range(0, 200_000).Select(i => (byte)(i * 31 % 251)).ToArray();
        var bobSees = new EventWaiter<ChatEntryDto>();
        bob.EntryReceived += (_, e) => bobSees.Add(e);

        var entry = await alice.UploadAttachmentAsync(session, "Скриншот 截图 🎉.png", new MemoryStream(bytes), cancellationToken: TestContext.CancellationToken);

        var attachment = entry.Attachments.Single();
        Assert.AreEqual("Скриншот 截图 🎉.png", attachment.FileName);
        Assert.AreEqual("image/png", attachment.ContentType);
        Assert.AreEqual(bytes.Length, attachment.Length);
        Assert.AreEqual(attachment, (await bobSees.AnyAsync(e => e.Sequence == entry.Sequence)).Attachments.Single(), "told to the others with the entry");
        CollectionAssert.AreEqual(bytes, await bob.DownloadAttachmentAsync(attachment.Id, TestContext.CancellationToken));
        CollectionAssert.AreEqual(bytes, await carol.DownloadAttachmentAsync(attachment.Id, TestContext.CancellationToken));
        var stranger = await Assert.ThrowsExactlyAsync<ChatClientException>(() => admin.DownloadAttachmentAsync(attachment.Id, TestContext.CancellationToken));
        Assert.AreEqual(ChatProtocol.Errors.NotAttendee, stranger.Code, "admin is not in the session (Privileged does not matter in a live chat)");
        var listed = await bob.GetEntriesAsync(session, 0, TestContext.CancellationToken);
        Assert.AreEqual(attachment, listed.Single(e => e.Sequence == entry.Sequence).Attachments.Single(), "listed with the dialog");

        using var anonymous = s_host.CreateClient();
        using var unsigned = await anonymous.GetAsync($"chat/attachments/{attachment.Id}", TestContext.CancellationToken);
        Assert.AreEqual(HttpStatusCode.Unauthorized, unsigned.StatusCode);
    }

    [TestMethod]
    public async Task Download_OverHttp_DownloadWithTheOriginalNameNoSniffingThumbnailInline()
    {
        await using var alice = await StartAsync("alice");
        var session = (await alice.StartSessionAsync(null, TestContext.CancellationToken)).SessionId;
        var png = await alice.UploadAttachmentAsync(session, "Отчёт 報告 📄.png", new MemoryStream([0x89, 0x50, 0x4E, 0x47]), cancellationToken: TestContext.CancellationToken);
        var svg = await alice.UploadAttachmentAsync(session, "logo.svg", new MemoryStream("<svg xmlns='http://www.w3.org/2000/svg'/>"u8.ToArray()), cancellationToken: TestContext.CancellationToken);
        using var http = await SignedInHttpAsync("alice");

        using var download = await http.GetAsync($"chat/attachments/{png.Attachments[0].Id}", TestContext.CancellationToken);
        using var thumbnail = await http.GetAsync($"chat/attachments/{png.Attachments[0].Id}?inline=true", TestContext.CancellationToken);
        using var svgInline = await http.GetAsync($"chat/attachments/{svg.Attachments[0].Id}?inline=true", TestContext.CancellationToken);

        Assert.AreEqual(HttpStatusCode.OK, download.StatusCode);
        Assert.AreEqual("image/png", download.Content.Headers.ContentType?.MediaType);
        Assert.AreEqual("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.AreEqual("Отчёт 報告 📄.png", download.Content.Headers.ContentDisposition?.FileNameStar, "RFC 5987 filename*");
        Assert.AreEqual("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.AreEqual("inline", thumbnail.Content.Headers.ContentDisposition?.DispositionType);
        Assert.AreEqual("attachment", svgInline.Content.Headers.ContentDisposition?.DispositionType, "SVG is never shown inline");
    }

    [TestMethod]
    public async Task UploadAttachment_OffTheRecord_OnlyItsTwoPeopleDownloadIt()
    {
        await using var alice = await StartAsync("alice");
        await using var bob = await StartAsync("bob");
        await using var carol = await StartAsync("carol");
        var session = await SessionWithAsync(alice, bob, carol);

        var entry = await alice.UploadAttachmentAsync(session, "секрет 秘密 🤫.txt", new MemoryStream("между нами"u8.ToArray()), "bob", TestContext.CancellationToken);

        Assert.AreEqual("bob", entry.OffTheRecordWith);
        CollectionAssert.AreEqual("между нами"u8.ToArray(), await bob.DownloadAttachmentAsync(entry.Attachments[0].Id, TestContext.CancellationToken));
        CollectionAssert.AreEqual("между нами"u8.ToArray(), await alice.DownloadAttachmentAsync(entry.Attachments[0].Id, TestContext.CancellationToken));
        var third = await Assert.ThrowsExactlyAsync<ChatClientException>(() => carol.DownloadAttachmentAsync(entry.Attachments[0].Id, TestContext.CancellationToken));
        Assert.AreEqual(ChatProtocol.Errors.NotAttendee, third.Code, "carol attends (and is Privileged) but it is not hers");
        Assert.IsFalse((await carol.GetEntriesAsync(session, 0, TestContext.CancellationToken)).Any(e => e.Sequence == entry.Sequence));

        // The session ends: Off the Record goes, its file with it (a cascade in the database).
        await alice.LeaveSessionAsync(session, TestContext.CancellationToken);
        var gone = await Assert.ThrowsExactlyAsync<ChatClientException>(() => bob.DownloadAttachmentAsync(entry.Attachments[0].Id, TestContext.CancellationToken));
        Assert.AreEqual(ChatProtocol.Errors.AttachmentNotFound, gone.Code);
    }

    [TestMethod]
    public async Task UploadAttachment_Refused_CodeAndNothingStored()
    {
        await using var alice = await StartAsync("alice");
        await using var admin = await StartAsync("admin");
        var session = (await alice.StartSessionAsync(null, TestContext.CancellationToken)).SessionId;
        var before = await alice.GetEntriesAsync(session, 0, TestContext.CancellationToken);

        var empty = await Assert.ThrowsExactlyAsync<ChatClientException>(() => alice.UploadAttachmentAsync(session, "пусто.txt", new MemoryStream(), cancellationToken: TestContext.CancellationToken));
        var large = await Assert.ThrowsExactlyAsync<ChatClientException>(() => alice.UploadAttachmentAsync(session, "большой.bin", new MemoryStream(new byte[MaxBytes + 1]), cancellationToken: TestContext.CancellationToken));
        var type = await Assert.ThrowsExactlyAsync<ChatClientException>(() => alice.UploadAttachmentAsync(session, "установка.exe", new MemoryStream([1, 2, 3]), cancellationToken: TestContext.CancellationToken));
        var stranger = await Assert.ThrowsExactlyAsync<ChatClientException>(() => admin.UploadAttachmentAsync(session, "a.txt", new MemoryStream([1]), cancellationToken: TestContext.CancellationToken));

        Assert.AreEqual(ChatProtocol.Errors.AttachmentEmpty, empty.Code);
        Assert.AreEqual(ChatProtocol.Errors.AttachmentTooLarge, large.Code);
        StringAssert.Contains(large.Message, "files up to 293 KB can be sent");
        Assert.AreEqual(ChatProtocol.Errors.AttachmentTypeRefused, type.Code);
        Assert.AreEqual(ChatProtocol.Errors.NotAttendee, stranger.Code);
        Assert.AreEqual(before.Count, (await alice.GetEntriesAsync(session, 0, TestContext.CancellationToken)).Count, "no entry for a refused file");
    }

    private async Task<ChatClient> StartAsync(string userName)
    {
        var client = ChatHost.CreateClient(s_host.BaseAddress, userName);
        _names[client] = userName;
        await client.StartAsync(TestContext.CancellationToken);
        return client;
    }

    private async Task<Guid> SessionWithAsync(ChatClient originator, params ChatClient[] others)
    {
        var session = await originator.StartSessionAsync(null, TestContext.CancellationToken);
        foreach (var other in others)
        {
            var invitations = new EventWaiter<ChatInvitationDto>();
            other.InvitationReceived += (_, i) => invitations.Add(i);
            await originator.InviteAsync(session.SessionId, [_names[other]], TestContext.CancellationToken);
            var invitation = await invitations.AnyAsync(i => i.SessionId == session.SessionId);
            await other.AcceptInvitationAsync(invitation.InvitationId, TestContext.CancellationToken);
        }

        return session.SessionId;
    }

    private async Task<HttpClient> SignedInHttpAsync(string userName)
    {
        using var signIn = new ChatSignIn(s_host.BaseAddress, userName, SignIn.DemoPassword);
        var http = s_host.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await signIn.GetAccessTokenAsync());
        return http;
    }
}
