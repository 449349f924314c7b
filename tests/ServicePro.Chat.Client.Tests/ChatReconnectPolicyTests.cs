using System.Net;
using RetryContext = Microsoft.AspNetCore.SignalR.Client.RetryContext;

namespace ServicePro.Chat.Client.Tests;

[TestClass]
public sealed class ChatReconnectPolicyTests
{
    private readonly ChatReconnectPolicy _policy = new(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));

    [TestMethod]
    public void NextRetryDelay_ConnectionLostAgainAndAgain_DoublesWithJitterUpToTheCapAndNeverGivesUp()
    {
        for (var attempt = 0; attempt < 40; attempt++)
        {
            var ceiling = TimeSpan.FromSeconds(Math.Min(30, Math.Pow(2, attempt)));

            var delay = _policy.NextRetryDelay(new RetryContext { PreviousRetryCount = attempt, RetryReason = new IOException("connection reset") });

            Assert.IsNotNull(delay, $"attempt {attempt + 1} is retried");
            Assert.IsTrue(delay >= ceiling / 2 && delay <= ceiling, $"attempt {attempt + 1}: {delay} within [{ceiling / 2}, {ceiling}]");
        }
    }

    [TestMethod]
    [DataRow(HttpStatusCode.Unauthorized)]
    [DataRow(HttpStatusCode.Forbidden)]
    public void NextRetryDelay_SignInRefused_GivesUpSoTheClientStartsAgainWithANewToken(HttpStatusCode status)
    {
        var refused = new HttpRequestException("refused", null, status);

        Assert.IsNull(_policy.NextRetryDelay(new RetryContext { PreviousRetryCount = 0, RetryReason = refused }));
    }

    [TestMethod]
    public void NextRetryDelay_HubNotFound_Retried()
    {
        // The hub answers 404 while an administrator has the Chat module disabled: it may come back.
        var notFound = new HttpRequestException("not found", null, HttpStatusCode.NotFound);

        Assert.IsNotNull(_policy.NextRetryDelay(new RetryContext { PreviousRetryCount = 3, RetryReason = notFound }));
    }
}
