using ServicePro.Contracts.Requests;

namespace ServicePro.Modules.Share.Tests;

[TestClass]
public sealed class MailLinkTests
{
    [TestMethod]
    public void For_Request_SubjectAndBodyNameItAndLinkToIt()
    {
        var link = MailLink.For(new RequestReference(42, "Printer on fire & smoking"), "http://localhost:5000/");

        Assert.AreEqual(
            "mailto:?subject=Request%20%2342%3A%20Printer%20on%20fire%20%26%20smoking"
            + "&body=Could%20you%20have%20a%20look%20at%20request%20%2342%2C%20%22Printer%20on%20fire%20%26%20smoking%22%3F%0A%0Ahttp%3A%2F%2Flocalhost%3A5000%2Frequests%2F42",
            link);
    }

    [TestMethod]
    public void For_Request_TitleCannotInjectMoreHeaders()
    {
        var link = MailLink.For(new RequestReference(1, "x&cc=everyone@example.com\r\nBcc: a@b"), null);

        Assert.AreEqual(1, link.Split('&').Length - 1, "only subject and body");
        Assert.DoesNotContain("\n", link);
        Assert.DoesNotContain("cc=", link);
    }

    [TestMethod]
    public void For_NoRequest_PlainMailAboutServicePro()
    {
        Assert.AreEqual("mailto:?subject=ServicePro", MailLink.For(null, "http://localhost:5000/"));
    }
}
