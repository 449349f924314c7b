using System.Security.Claims;
using ServicePro.Contracts.Security;
using ServicePro.Modules.Chat.Application;
using ServicePro.Modules.Chat.Attachments;
using ServicePro.Modules.Chat.Domain;

namespace ServicePro.Modules.Chat.Tests.Attachments;

[TestClass]
public sealed class ChatAttachmentRulesTests
{
    private static readonly ChatAttachmentRules s_rules = new(new ChatAttachmentOptions());

    [TestMethod]
    [DataRow("Отчёт за май.pdf")]
    [DataRow("報告書 2026.xlsx")]
    [DataRow("🎉 party.png")]
    public void FileName_CyrillicCjkEmoji_KeptWhole(string name) => Assert.AreEqual(name, s_rules.FileName(name));

    [TestMethod]
    public void FileName_CyrillicCjkEmojiAtTheLimit_KeptWholeAndOneMoreRefused()
    {
        // 27 × "Отчёт報告🎉" (9 UTF-16 units each, the emoji two) + "Отчёт報告я" + ".txt" = 255 units.
        var name = string.Concat(Enumerable.Repeat("Отчёт報告🎉", 27)) + "Отчёт報告я.txt";
        Assert.AreEqual(ChatAttachmentRules.MaxFileNameLength, name.Length);
        Assert.AreEqual(name, s_rules.FileName(name));

        var refusal = Assert.ThrowsExactly<ChatException>(() => s_rules.FileName("я" + name));
        Assert.AreEqual(ChatConstants.Errors.AttachmentNameInvalid, refusal.Code);
    }

    [TestMethod]
    public void FileName_WithAPathAndControlCharacters_OnlyTheLastSegmentClean() =>
        Assert.AreEqual("отчёт.txt", s_rules.FileName("C:\\Users\\alice\\Desktop/  отчёт\u0007.txt "));

    [TestMethod]
    [DataRow("setup.exe")]
    [DataRow("SCRIPT.PS1")]
    [DataRow("запуск.bat")]
    [DataRow("trick.exe.")]
    public void FileName_RefusedType_RefusedWithItsCode(string name)
    {
        var refusal = Assert.ThrowsExactly<ChatException>(() => s_rules.FileName(name));

        Assert.AreEqual(ChatConstants.Errors.AttachmentTypeRefused, refusal.Code);
        StringAssert.Contains(refusal.Message, "files are refused");
    }

    [TestMethod]
    [DataRow("")]
    [DataRow("   ")]
    [DataRow("folder/")]
    [DataRow("..")]
    public void FileName_Unusable_Refused(string name) =>
        Assert.AreEqual(ChatConstants.Errors.AttachmentNameInvalid, Assert.ThrowsExactly<ChatException>(() => s_rules.FileName(name)).Code);

    [TestMethod]
    public void FileName_RefusedExtensionsSetting_ReplacesTheDefaults()
    {
        var rules = new ChatAttachmentRules(new ChatAttachmentOptions { RefusedExtensions = "docx, .PDF" });

        Assert.AreEqual("setup.exe", rules.FileName("setup.exe"));
        Assert.AreEqual(ChatConstants.Errors.AttachmentTypeRefused, Assert.ThrowsExactly<ChatException>(() => rules.FileName("Отчёт.pdf")).Code);
        Assert.AreEqual(ChatConstants.Errors.AttachmentTypeRefused, Assert.ThrowsExactly<ChatException>(() => rules.FileName("письмо.docx")).Code);
    }

    [TestMethod]
    public void Length_Empty_RefusedAsEmpty()
    {
        var refusal = Assert.ThrowsExactly<ChatException>(() => s_rules.Length("пусто.txt", 0));

        Assert.AreEqual(ChatConstants.Errors.AttachmentEmpty, refusal.Code);
        Assert.AreEqual("“пусто.txt” is empty: there is nothing to send.", refusal.Message);
    }

    [TestMethod]
    public void Length_AtTheLimit_AcceptedOneByteMore_Refused()
    {
        s_rules.Length("big.bin", 10 * 1024 * 1024);

        var refusal = Assert.ThrowsExactly<ChatException>(() => s_rules.Length("big.bin", (10 * 1024 * 1024) + 1));

        Assert.AreEqual(ChatConstants.Errors.AttachmentTooLarge, refusal.Code);
        Assert.AreEqual("“big.bin” is 10 MB; files up to 10 MB can be sent.", refusal.Message);
    }

    [TestMethod]
    [DataRow("фото.PNG", "image/png")]
    [DataRow("logo.svg", "image/svg+xml")]
    [DataRow("страница.html", "text/html")]
    [DataRow("без расширения", "application/octet-stream")]
    public void ContentType_FromTheExtension(string name, string type) => Assert.AreEqual(type, ChatAttachmentRules.ContentType(name));

    [TestMethod]
    public void IsImage_SvgAndHtml_NeverShownInline()
    {
        Assert.IsTrue(new ChatAttachmentDto(Guid.NewGuid(), "a.png", ChatAttachmentRules.ContentType("a.png"), 1).IsImage);
        Assert.IsFalse(new ChatAttachmentDto(Guid.NewGuid(), "a.svg", ChatAttachmentRules.ContentType("a.svg"), 1).IsImage);
        Assert.IsFalse(new ChatAttachmentDto(Guid.NewGuid(), "a.html", ChatAttachmentRules.ContentType("a.html"), 1).IsImage);
    }

    [TestMethod]
    public void MayRead_OffTheRecord_OnlyItsTwoPeopleEvenPrivileged()
    {
        var session = Session(out _);
        var secret = session.Post("alice", "секрет.txt", Guid.NewGuid(), "bob", DateTimeOffset.UtcNow);

        Assert.IsTrue(ChatAttachmentReader.MayRead(User("alice"), "alice", session, secret));
        Assert.IsTrue(ChatAttachmentReader.MayRead(User("bob"), "bob", session, secret));
        Assert.IsFalse(ChatAttachmentReader.MayRead(User("carol", ServiceProRoles.Privileged), "carol", session, secret), "carol attends and is Privileged");
    }

    [TestMethod]
    public void MayRead_RequestChat_AttendeesWhileLive_PrivilegedOnceItsTranscriptExists()
    {
        var session = Session(out _);
        var file = session.Post("alice", "схема 图.png", Guid.NewGuid(), null, DateTimeOffset.UtcNow);

        Assert.IsTrue(ChatAttachmentReader.MayRead(User("bob"), "bob", session, file));
        Assert.IsFalse(ChatAttachmentReader.MayRead(User("dave"), "dave", session, file), "not an attendee");
        Assert.IsFalse(ChatAttachmentReader.MayRead(User("admin", ServiceProRoles.Privileged), "admin", session, file), "no transcript yet");

        session.End("alice", ChatSession.ReasonOriginatorLeft, DateTimeOffset.UtcNow);

        Assert.IsTrue(ChatAttachmentReader.MayRead(User("admin", ServiceProRoles.Privileged), "admin", session, file), "reads the request's transcript");
        Assert.IsTrue(ChatAttachmentReader.MayRead(User("bob"), "bob", session, file), "took part");
        Assert.IsFalse(ChatAttachmentReader.MayRead(User("dave"), "dave", session, file));
    }

    [TestMethod]
    public void MayRead_WorkbenchChatEnded_PrivilegedOutsiderRefused()
    {
        var session = ChatSession.Start("alice", null, null, DateTimeOffset.UtcNow, out _);
        var file = session.Post("alice", "a.txt", Guid.NewGuid(), null, DateTimeOffset.UtcNow);
        session.End("alice", ChatSession.ReasonOriginatorLeft, DateTimeOffset.UtcNow);

        Assert.IsFalse(ChatAttachmentReader.MayRead(User("admin", ServiceProRoles.Privileged), "admin", session, file));
    }

    private static ChatSession Session(out Guid id)
    {
        var session = ChatSession.Start("alice", 7, "Принтер", DateTimeOffset.UtcNow, out _);
        session.Join("bob", DateTimeOffset.UtcNow);
        session.Join("carol", DateTimeOffset.UtcNow);
        id = session.Id;
        return session;
    }

    private static ClaimsPrincipal User(string name, params string[] roles) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, name), .. roles.Select(r => new Claim(ClaimTypes.Role, r))], "test"));
}
