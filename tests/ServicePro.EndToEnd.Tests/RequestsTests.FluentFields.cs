using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ServicePro.EndToEnd.Tests;

/// <summary>The request page's Fluent selects while two reps have the same request open.</summary>
public sealed partial class RequestsTests
{
    [TestMethod]
    public async Task StatusAndAssigneeChangedByAnotherRep_SelectsShowTheNewValuesWithoutReloadAndStoredAfterRefusal()
    {
        var alice = await s_reps.OpenAsync("alice");
        await OpenNewRequestFormAsync(alice);
        await alice.GetByTestId("request-title").FillAsync("Принтер 打印机 🖨️ jams");
        await alice.GetByTestId("request-save").ClickAsync();
        await Expect(alice).ToHaveURLAsync(RequestUrl());
        var number = int.Parse(RequestUrl().Match(alice.Url).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

        var bob = await s_reps.OpenAsync("bob");
        await bob.GotoAsync($"requests/{number}");
        var bobsStatus = bob.GetByTestId("request-status");
        var bobsAssignee = bob.GetByTestId("request-assignee");
        await Expect(bobsStatus).ToBeEnabledAsync();
        await ExpectChosenAsync(bobsStatus, "New", "New");
        await ExpectChosenAsync(bobsAssignee, "", "Nobody");

        await FluentFields.ChooseAsync(alice.GetByTestId("request-status"), "Resolved");
        await ExpectChosenAsync(bobsStatus, "Resolved", "Resolved");
        await FluentFields.ChooseAsync(alice.GetByTestId("request-assignee"), "carol");
        await ExpectChosenAsync(bobsAssignee, "carol", "carol");
        await Expect(bob.Locator("[data-testid=activity-entry][data-kind=assignment]")).ToHaveCountAsync(1);

        // The select that was rendered anew still takes Bob's own choice, and Alice's page follows it.
        await FluentFields.ChooseAsync(bobsStatus, "InProgress");
        await ExpectChosenAsync(alice.GetByTestId("request-status"), "InProgress", "In progress");
        await ExpectChosenAsync(bobsStatus, "InProgress", "In progress");

        // A refused choice: the message, and the select shows what is stored again.
        await FluentFields.ChooseAsync(alice.GetByTestId("request-status"), "Closed");
        await ExpectChosenAsync(bobsStatus, "Closed", "Closed");
        await FluentFields.ChooseAsync(bobsStatus, "Resolved");
        await Expect(bob.GetByTestId("request-error")).ToHaveTextAsync("A closed request cannot become Resolved; it can only be reopened as New.");
        await ExpectChosenAsync(bobsStatus, "Closed", "Closed");
    }

    [TestMethod]
    public async Task FluentFields_WideAndNarrow_LabelledAndNothingSticksOut()
    {
        var alice = await s_reps.OpenAsync("alice");
        await OpenNewRequestFormAsync(alice);
        await Expect(alice.GetByRole(AriaRole.Combobox, new() { Name = "Assigned to" })).ToBeVisibleAsync();
        await Expect(alice.GetByRole(AriaRole.Textbox, new() { Name = "Description" })).ToBeVisibleAsync();
        await alice.GetByTestId("request-title").FillAsync("Écran noir après la mise à jour — 屏幕黑了 😩");
        await alice.GetByTestId("request-requester").FillAsync("Дарья Смирнова");
        await FluentFields.ChooseAsync(alice.GetByTestId("request-assignee"), "bob");
        await FluentFields.FillAsync(alice.GetByTestId("request-description"), "После обновления экран чёрный.\n更新后屏幕变黑。🙁");
        await ExpectAsWideAsync(FluentFields.TextArea(alice.GetByTestId("request-description")), alice.GetByTestId("request-title"));
        await ScreenshotsAsync(alice, "request-new-fluent");

        await alice.GetByTestId("request-save").ClickAsync();
        await Expect(alice).ToHaveURLAsync(RequestUrl());
        await Expect(alice.GetByRole(AriaRole.Combobox, new() { Name = "Status" })).ToBeVisibleAsync();
        await Expect(alice.GetByRole(AriaRole.Combobox, new() { Name = "Assigned to" })).ToBeVisibleAsync();
        await Expect(alice.GetByRole(AriaRole.Textbox, new() { Name = "Add a note" })).ToBeVisibleAsync();
        await ExpectAsWideAsync(FluentFields.TextArea(alice.GetByTestId("request-note")), alice.GetByTestId("request-note-add").Locator("xpath=.."));
        await alice.GetByTestId("request-status").ClickAsync();
        await Expect(alice.GetByTestId("request-status").Locator("fluent-option[value='Closed']")).ToBeVisibleAsync();
        await ScreenshotsAsync(alice, "request-status-open");

        await alice.GotoAsync("requests");
        await Expect(alice.GetByRole(AriaRole.Combobox, new() { Name = "Status" })).ToBeVisibleAsync();
    }

    /// <summary>A Fluent text area keeps a narrow width of its own unless told: the box a rep types into spans its form.</summary>
    private static async Task ExpectAsWideAsync(ILocator box, ILocator reference)
    {
        var boxWidth = (await box.BoundingBoxAsync())!.Width;
        var referenceWidth = (await reference.BoundingBoxAsync())!.Width;
        Assert.IsGreaterThanOrEqualTo(referenceWidth - 40, boxWidth, $"the text box is {boxWidth} px wide in {referenceWidth} px");
    }

    private static async Task ExpectChosenAsync(ILocator dropdown, string value, string text)
    {
        await Expect(dropdown).ToHaveJSPropertyAsync("value", value);
        Assert.AreEqual(text, await FluentFields.ChosenTextAsync(dropdown));
    }

    /// <summary>At 1280 x 800 and 390 px wide, as the page is (an open dropdown stays open); nothing may stick out sideways.</summary>
    private static async Task ScreenshotsAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Browser.ScreenshotDirectory);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Browser.ScreenshotDirectory, name + "-1280x800.png"), Animations = ScreenshotAnimations.Disabled });
        await page.SetViewportSizeAsync(390, 800);
        try
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(Browser.ScreenshotDirectory, name + "-390x800.png"), Animations = ScreenshotAnimations.Disabled });
            var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > document.documentElement.clientWidth");
            Assert.IsFalse(overflow, "nothing sticks out sideways at 390 px");
        }
        finally
        {
            await page.SetViewportSizeAsync(1280, 800);
        }
    }
}
