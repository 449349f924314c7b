using System.Net;
using System.Net.Http.Json;
using ServicePro.Testing;

namespace ServicePro.Host.Tests.Integration;

/// <summary>
/// The sign-in limits on the real host, with small limits: each test comes from its own loopback address (a client of
/// its own), so the tests do not share a budget.
/// </summary>
[TestClass]
[TestCategory(TestCategories.Slow)]
[DoNotParallelize]
public sealed class SignInLimitsTests
{
    private const int PermitsPerClient = 4;
    private const int FailuresPerAccount = 2;
    private static HostProcess s_host = null!;

    [ClassInitialize]
    public static async Task StartHost(TestContext context) => s_host = await HostProcess.StartAsync(
        settings: new Dictionary<string, string>
        {
            ["SignIn:PermitsPerClient"] = $"{PermitsPerClient}",
            ["SignIn:FailuresPerAccount"] = $"{FailuresPerAccount}",

            // Long windows: a slow run must not see a window roll over in the middle of a test.
            ["SignIn:ClientWindow"] = "00:30:00",
            ["SignIn:AccountWindow"] = "00:30:00",
        },
        cancellationToken: context.CancellationToken);

    [ClassCleanup]
    public static async Task StopHost() => await s_host.DisposeAsync();

    [TestMethod]
    public async Task Token_MoreThanTheClientLimit_429WithRetryAfter()
    {
        using var client = s_host.CreateClientFrom("127.0.0.11");
        for (var i = 0; i < PermitsPerClient; i++)
        {
            using var guess = await TokenAsync(client, $"гость-{i}-客人", "неверно🙂");
            Assert.AreEqual(HttpStatusCode.Unauthorized, guess.StatusCode);
        }

        using var throttled = await TokenAsync(client, "alice", SignIn.DemoPassword);

        Assert.AreEqual(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.IsTrue(throttled.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After says when to try again");
        Assert.DoesNotContain("accessToken", await throttled.Content.ReadAsStringAsync());
        using var elsewhere = s_host.CreateClientFrom("127.0.0.12");
        using var other = await TokenAsync(elsewhere, "alice", SignIn.DemoPassword);
        Assert.AreEqual(HttpStatusCode.OK, other.StatusCode, "another client is not affected");
    }

    [TestMethod]
    public async Task SignInForm_MoreThanTheClientLimit_429WithRetryAfter()
    {
        using var client = s_host.CreateClientFrom("127.0.0.13");
        for (var i = 0; i < PermitsPerClient; i++)
        {
            using var guess = await SignIn.PostLoginAsync(client, $"гость-{i}", "неверно");
            StringAssert.Contains(await guess.Content.ReadAsStringAsync(), "The user name or password is not correct.");
        }

        using var throttled = await SignIn.PostLoginAsync(client, "alice");

        Assert.AreEqual(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.IsTrue(throttled.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        StringAssert.Contains(await throttled.Content.ReadAsStringAsync(), "Too many sign-in attempts");
        using var workbench = await client.GetAsync("");
        Assert.AreEqual(HttpStatusCode.Redirect, workbench.StatusCode, "not signed in");
    }

    [TestMethod]
    public async Task WrongPasswords_OverTheAccountBudget_ThatClientThrottledForThatUserOnly()
    {
        using var guesser = s_host.CreateClientFrom("127.0.0.14");
        for (var i = 0; i < FailuresPerAccount; i++)
        {
            using var guess = await TokenAsync(guesser, "carol", $"пароль{i}");
            Assert.AreEqual(HttpStatusCode.Unauthorized, guess.StatusCode);
        }

        using var right = await TokenAsync(guesser, "carol", SignIn.DemoPassword);
        using var otherUser = await TokenAsync(guesser, "bob", SignIn.DemoPassword);

        Assert.AreEqual(HttpStatusCode.TooManyRequests, right.StatusCode, "even a right guess is not tried any more");
        Assert.IsTrue(right.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.AreEqual(HttpStatusCode.OK, otherUser.StatusCode);
    }

    [TestMethod]
    public async Task WrongPasswords_GuessersOnAdminFromManyClients_AdminStillSignsInElsewhere()
    {
        // Six clients, twelve wrong passwords: more than the ten that used to lock the account for five minutes.
        for (var client = 20; client < 26; client++)
        {
            using var guesser = s_host.CreateClientFrom($"127.0.0.{client}");
            for (var i = 0; i < FailuresPerAccount; i++)
            {
                using var guess = await TokenAsync(guesser, "admin", $"угадай-{client}-{i}");
                Assert.AreEqual(HttpStatusCode.Unauthorized, guess.StatusCode);
            }

            using var throttled = await TokenAsync(guesser, "admin", "ещё раз");
            Assert.AreEqual(HttpStatusCode.TooManyRequests, throttled.StatusCode, "guessing is throttled");
            using var byForm = await SignIn.PostLoginAsync(guesser, "admin");
            Assert.AreEqual(HttpStatusCode.TooManyRequests, byForm.StatusCode, "the form too, even with the right password");
            Assert.IsTrue(byForm.Headers.RetryAfter?.Delta > TimeSpan.Zero);
            StringAssert.Contains(await byForm.Content.ReadAsStringAsync(), "Too many failed sign-ins for this user from this address.");
        }

        using var rep = s_host.CreateClientFrom("127.0.0.30");
        using var token = await TokenAsync(rep, "admin", SignIn.DemoPassword);
        using var form = await SignIn.PostLoginAsync(rep, "admin");

        Assert.AreEqual(HttpStatusCode.OK, token.StatusCode);
        Assert.AreEqual(HttpStatusCode.Redirect, form.StatusCode, "the form signs admin in");
    }

    private static Task<HttpResponseMessage> TokenAsync(HttpClient client, string userName, string password) =>
        client.PostAsJsonAsync("account/token", new { userName, password });
}
