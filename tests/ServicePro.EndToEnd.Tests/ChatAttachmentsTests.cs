using System.Globalization;
using Microsoft.Playwright;
using ServicePro.Testing;
using static Microsoft.Playwright.Assertions;

namespace ServicePro.EndToEnd.Tests;

/// <summary>
/// Files in a request chat as reps use them: the attach button, drag and drop, a pasted screenshot, thumbnails, the
/// refusals, and the links in the request's Activity Stream once the chat ends (read by a Privileged rep who was not in it).
/// </summary>
[TestClass]
[TestCategory(TestCategories.Slow)]
public sealed class ChatAttachmentsTests
{
    private const int MaxBytes = 300_000;

    // A 2×2 red PNG: small, and a real image for the thumbnail to show.
    private static readonly byte[] s_png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP4z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==");

    private static HostProcess s_host = null!;
    private static Browser s_browser = null!;
    private static RepSessions s_reps = null!;

    [ClassInitialize]
    public static async Task Start(TestContext context)
    {
        s_host = await HostProcess.StartAsync(
            TestModulesConfig.WithChat(),
            new Dictionary<string, string> { ["Modules:chat:Attachments:MaxBytes"] = MaxBytes.ToString(CultureInfo.InvariantCulture) },
            context.CancellationToken);
        s_browser = await Browser.LaunchAsync();
        s_reps = new RepSessions(s_browser, s_host);
    }

    [ClassCleanup]
    public static async Task Stop()
    {
        await s_reps.CloseAllAsync();
        await Browser.DisposeIfStartedAsync(s_browser);
        await s_host.DisposeAsync();
    }

    [TestMethod]
    public async Task RequestChat_AttachDropPasteAndRefusals_ThumbnailsLinksAndActivityStreamLinks()
    {
        var alice = await SignInAsync("alice");
        var carol = await SignInAsync("carol");
        var number = await RequestPages.CreateAsync(alice, "Экран мигает 屏幕闪烁 💡");
        await alice.GetByTestId("ribbon-social").ClickAsync();
        await alice.GetByTestId("social-item-chat").ClickAsync();
        await alice.GetByTestId("invite-candidate-carol").Locator("input").CheckAsync();
        await FluentFields.ClickWhenEnabledAsync(alice.GetByTestId("invite-send"));
        await carol.GetByTestId("invitation-accept").ClickAsync();
        var aliceWindow = alice.GetByTestId("chat-window");
        var carolWindow = carol.GetByTestId("chat-window");
        await Expect(aliceWindow.GetByTestId("chat-connection-carol")).ToBeVisibleAsync();
        await WaitForFileInputAsync(alice);

        // The attach button opens the file chooser; carol sees the image's thumbnail, loaded with his own sign-in.
        var chooser = await alice.RunAndWaitForFileChooserAsync(() => aliceWindow.GetByTestId("chat-attach").ClickAsync());
        await chooser.SetFilesAsync(new FilePayload { Name = "Скриншот 截图 🎉.png", MimeType = "image/png", Buffer = s_png });
        var carolImage = carolWindow.Locator("[data-testid=chat-attachment][data-name='Скриншот 截图 🎉.png']");
        await Expect(carolImage.GetByTestId("chat-attachment-thumb")).ToBeVisibleAsync();
        await carol.WaitForFunctionAsync("() => [...document.querySelectorAll('[data-testid=chat-attachment-thumb]')].some(i => i.complete && i.naturalWidth === 2)");

        // Dropped on the window.
        var dropped = await alice.EvaluateHandleAsync("""
            () => { const t = new DataTransfer(); t.items.add(new File(['отчёт 报告'], '報告 отчёт 📄.txt', { type: 'text/plain' })); return t; }
            """);
        await aliceWindow.DispatchEventAsync("dragover", new Dictionary<string, object> { ["dataTransfer"] = dropped });
        await aliceWindow.DispatchEventAsync("drop", new Dictionary<string, object> { ["dataTransfer"] = dropped });
        var carolFile = carolWindow.Locator("[data-testid=chat-attachment][data-name='報告 отчёт 📄.txt']");
        await Expect(carolFile).ToBeVisibleAsync();
        await Expect(carolFile.GetByTestId("chat-attachment-thumb")).ToHaveCountAsync(0);

        // A screenshot pasted into the text entry: sent as a file with a screenshot's name, nothing typed into the entry.
        await FluentFields.FillAsync(aliceWindow.GetByTestId("chat-input"), "см. скриншот");
        await alice.EvaluateAsync(
            """
            ([input, png]) => {
                const t = new DataTransfer();
                t.items.add(new File([Uint8Array.from(atob(png), c => c.charCodeAt(0))], 'image.png', { type: 'image/png' }));
                input.dispatchEvent(new ClipboardEvent('paste', { clipboardData: t, bubbles: true, cancelable: true, composed: true }));
            }
            """,
            new object[] { await FluentFields.TextArea(aliceWindow.GetByTestId("chat-input")).ElementHandleAsync(), Convert.ToBase64String(s_png) });
        await Expect(carolWindow.Locator("[data-testid=chat-attachment][data-name^='screenshot-'] [data-testid=chat-attachment-thumb]")).ToBeVisibleAsync();
        await Expect(FluentFields.TextArea(aliceWindow.GetByTestId("chat-input"))).ToHaveValueAsync("см. скриншот");

        // Carol's link downloads the file under its name.
        var download = await carol.RunAndWaitForDownloadAsync(() => carolFile.ClickAsync());
        Assert.AreEqual("報告 отчёт 📄.txt", download.SuggestedFilename);
        Assert.AreEqual("отчёт 报告", await File.ReadAllTextAsync((await download.PathAsync())!));

        // Refusals: each says why in the window, and nothing reaches carol.
        var input = aliceWindow.GetByTestId("chat-attach-input");
        await input.SetInputFilesAsync(new FilePayload { Name = "пусто.txt", MimeType = "text/plain", Buffer = [] });
        await Expect(aliceWindow.GetByTestId("chat-error")).ToHaveTextAsync("“пусто.txt” is empty: there is nothing to send.");
        await input.SetInputFilesAsync(new FilePayload { Name = "установка.exe", MimeType = "application/octet-stream", Buffer = [1, 2, 3] });
        await Expect(aliceWindow.GetByTestId("chat-error")).ToHaveTextAsync("“установка.exe” cannot be sent: .exe files are refused.");
        await input.SetInputFilesAsync(new FilePayload { Name = "огромный 巨大.bin", MimeType = "application/octet-stream", Buffer = new byte[MaxBytes + 1] });
        await Expect(aliceWindow.GetByTestId("chat-error")).ToHaveTextAsync("“огромный 巨大.bin” is 293 KB; files up to 293 KB can be sent.");
        await Expect(carolWindow.GetByTestId("chat-attachment")).ToHaveCountAsync(3);

        await Browser.ScreenshotsWideAndNarrowAsync(carol, "chat-attachments");

        // The chat ends: the request's Activity Stream lists the files as links, for a Privileged rep who was not in it too.
        await aliceWindow.GetByTestId("chat-leave").ClickAsync();
        var entry = alice.Locator("[data-testid=activity-entry][data-kind=chat]");
        await Expect(entry.GetByTestId("chat-attachment")).ToHaveCountAsync(3);
        await Expect(entry.Locator("[data-testid=chat-attachment][data-name='報告 отчёт 📄.txt']")).ToBeVisibleAsync();
        await Browser.ScreenshotsWideAndNarrowAsync(alice, "chat-attachments-activity");

        var admin = await SignInAsync("admin");
        await admin.GotoAsync(new Uri(s_host.BaseAddress, $"requests/{number}").ToString());
        var adminLink = admin.Locator("[data-testid=activity-entry][data-kind=chat] [data-testid=chat-attachment][data-name='Скриншот 截图 🎉.png']");
        var href = await adminLink.GetAttributeAsync("href");
        var adminsDownload = await admin.APIRequest.GetAsync(new Uri(s_host.BaseAddress, href!.TrimStart('/')).ToString());
        Assert.AreEqual(200, adminsDownload.Status, "a Privileged rep reads the transcript, so its files");
        CollectionAssert.AreEqual(s_png, await adminsDownload.BodyAsync());
        var bob = await SignInAsync("bob");
        var bobsTry = await bob.APIRequest.GetAsync(new Uri(s_host.BaseAddress, href.TrimStart('/')).ToString());
        Assert.AreEqual(403, bobsTry.Status, "bob was not in it and is not Privileged");
    }

    // Blazor's InputFile listens for files only once its script has set the input up (see UsersTests).
    private static Task WaitForFileInputAsync(IPage page) =>
        page.WaitForFunctionAsync("() => document.querySelector('[data-testid=chat-attach-input]')?._blazorInputFileNextFileId !== undefined");

    private static async Task<IPage> SignInAsync(string userName)
    {
        var page = await s_reps.OpenAsync(userName);
        await page.SetViewportSizeAsync(1280, 800);
        await Expect(page.GetByTestId("chat-start")).ToBeEnabledAsync();
        return page;
    }

}
