using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using ServicePro.Testing;
using static Microsoft.Playwright.Assertions;

namespace ServicePro.EndToEnd.Tests;

/// <summary>
/// What another site can do with a signed-in rep's browser: a page served from another port of the same machine (cookies
/// are kept per host, not per port) tries to open the chat hub and the Blazor circuit with alice's cookie.
/// </summary>
[TestClass]
[TestCategory(TestCategories.Slow)]
public sealed class ShellSecurityTests
{
    /// <summary>
    /// Opens a WebSocket to <c>url</c>; for a SignalR JSON hub with <c>invoke</c> set, shakes hands and invokes that
    /// method. Answers <c>refused …</c> when the upgrade is refused, <c>opened</c>, or <c>read …</c> with the result.
    /// </summary>
    private const string Probe = """
        ({ url, invoke }) => new Promise((resolve) => {
          const separator = "\u001e";
          const socket = new WebSocket(url);
          let opened = false;
          socket.onopen = () => {
            opened = true;
            if (!invoke) { resolve("opened"); socket.close(); return; }
            socket.send(JSON.stringify({ protocol: "json", version: 1 }) + separator);
          };
          socket.onmessage = (event) => {
            for (const frame of String(event.data).split(separator).filter((f) => f)) {
              const message = JSON.parse(frame);
              if (message.type === undefined && !message.error) {
                socket.send(JSON.stringify({ type: 1, invocationId: "1", target: invoke, arguments: [] }) + separator);
              } else if (message.type === 3) {
                resolve(message.error ? "error " + message.error : "read " + JSON.stringify(message.result));
                socket.close();
              }
            }
          };
          socket.onclose = (event) => resolve((opened ? "closed " : "refused ") + event.code);
        })
        """;

    private static HostProcess s_host = null!;
    private static Browser s_browser = null!;
    private static WebApplication s_otherSite = null!;

    [ClassInitialize]
    public static async Task Start(TestContext context)
    {
        s_host = await HostProcess.StartAsync(TestModulesConfig.WithChat(), cancellationToken: context.CancellationToken);
        s_browser = await Browser.LaunchAsync();

        // Another site on the same machine: same host (127.0.0.1), another port, so another origin.
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        s_otherSite = builder.Build();
        s_otherSite.MapGet("/", () => Results.Content("<!DOCTYPE html><title>Another site</title><p>Another site</p>", "text/html"));
        await s_otherSite.StartAsync(context.CancellationToken);
    }

    [ClassCleanup]
    public static async Task Stop()
    {
        await s_otherSite.DisposeAsync();
        await Browser.DisposeIfStartedAsync(s_browser);
        await s_host.DisposeAsync();
    }

    [TestMethod]
    public async Task ChatHubAndCircuit_PageOnAnotherPortWithRepsCookie_AreRefused()
    {
        var alice = await s_browser.SignInAsync(s_host, "alice");
        var chatHub = WebSocketUrl("hubs/chat");
        var circuit = WebSocketUrl("_blazor");

        // The control: from the shell's own page, the same script reads her sessions and opens a circuit.
        StringAssert.StartsWith(await alice.EvaluateAsync<string>(Probe, new { url = chatHub, invoke = "GetMySessions" }), "read [");
        Assert.AreEqual("opened", await alice.EvaluateAsync<string>(Probe, new { url = circuit, invoke = (string?)null }));

        // The other site, in alice's browser: her cookie goes along, and the host refuses the upgrade.
        var other = await alice.Context.NewPageAsync();
        await other.GotoAsync(s_otherSite.Urls.Single());
        await Expect(other.GetByText("Another site")).ToBeVisibleAsync();
        Assert.AreNotEqual(new Uri(other.Url).Port, s_host.BaseAddress.Port);

        StringAssert.StartsWith(await other.EvaluateAsync<string>(Probe, new { url = chatHub, invoke = "GetMySessions" }), "refused");
        StringAssert.StartsWith(await other.EvaluateAsync<string>(Probe, new { url = circuit, invoke = (string?)null }), "refused");

        // Alice's own shell is unaffected.
        await alice.GetByTestId("nav-messages").ClickAsync();
        await Expect(alice.GetByTestId("connection-status")).ToHaveAttributeAsync("data-state", "connected");
    }

    [TestMethod]
    public async Task ReconnectBannerReload_Clicked_ReloadsThePage()
    {
        var bob = await s_browser.SignInAsync(s_host, "bob");
        var loaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        bob.Load += (_, _) => loaded.TrySetResult();

        // The banner's link, as a rep clicks it once the server has let the page's session go (hidden until then).
        await bob.EvaluateAsync("document.querySelector('.when-rejected a').click()");

        await loaded.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await Expect(bob.GetByTestId("workbench")).ToBeVisibleAsync();
    }

    private static string WebSocketUrl(string path) => new UriBuilder(new Uri(s_host.BaseAddress, path)) { Scheme = "ws" }.Uri.ToString();
}
