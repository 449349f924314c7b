using static Microsoft.Playwright.Assertions;

namespace ServicePro.EndToEnd.Tests;

/// <summary>
/// A FluentTextArea's value reaches the server when its inner textarea changes (as it loses focus); a click on Save or
/// Add note right after the last key must still store exactly what was typed, not the text of a moment before.
/// </summary>
public sealed partial class LongTextTests
{
    /// <summary>How many characters at the end are typed key by key, immediately followed by the click.</summary>
    private const int TypedLast = 12;

    [TestMethod]
    [DataRow("Cyrillic", Limit)]
    [DataRow("CJK", Limit)]
    [DataRow("Emoji", Limit / 2)]
    public async Task DescriptionAndNote_LastKeysTypedThenSavedAtOnce_ExactlyTheTypedTextIsStored(string script, int characters)
    {
        var text = Text(script, characters);
        Assert.AreEqual(Limit, text.Length, "exactly at the limit, in UTF-16 code units");
        // Whole characters: an emoji's two code units are typed as one key.
        var cut = text.Length - (script == "Emoji" ? 2 * TypedLast : TypedLast);
        var alice = await s_reps.OpenAsync("alice");

        await OpenNewRequestFormAsync(alice);
        await alice.GetByTestId("request-title").FillAsync($"Typed {script} text, saved at once");
        var description = FluentFields.TextArea(alice.GetByTestId("request-description"));
        await FluentFields.ReadyAsync(description);
        await description.FillAsync(text[..cut]);
        await description.PressSequentiallyAsync(text[cut..]);
        // What she sees before her click (the box), not yet what was stored.
        await Expect(description).ToHaveValueAsync(text);
        await alice.GetByTestId("request-save").ClickAsync();
        await Expect(alice).ToHaveURLAsync(RequestUrl());
        await Expect(alice.GetByTestId("request-description")).ToHaveTextAsync(text);
        // Exactly: a text assertion forgives whitespace, and a lost last key may be a space.
        Assert.AreEqual(text, await alice.GetByTestId("request-description").TextContentAsync());

        var note = FluentFields.TextArea(alice.GetByTestId("request-note"));
        await FluentFields.ReadyAsync(note);
        await note.FillAsync(text[..cut]);
        await note.PressSequentiallyAsync(text[cut..]);
        await Expect(note).ToHaveValueAsync(text);
        await alice.GetByTestId("request-note-add").ClickAsync();
        await Expect(alice.GetByTestId("activity-note")).ToHaveTextAsync(text);
        Assert.AreEqual(text, await alice.GetByTestId("activity-note").TextContentAsync());
        await Expect(note).ToHaveValueAsync(string.Empty);

        // What is stored, read again from the server.
        await alice.ReloadAsync();
        await Expect(alice.GetByTestId("request-description")).ToHaveTextAsync(text);
        await Expect(alice.GetByTestId("activity-note")).ToHaveTextAsync(text);
        Assert.AreEqual(text, await alice.GetByTestId("request-description").TextContentAsync());
        Assert.AreEqual(text, await alice.GetByTestId("activity-note").TextContentAsync());
    }

    [TestMethod]
    public async Task DescriptionAndNote_TextInTheBoxWithoutAKeystroke_CreateAndAddNoteSaveWhatTheBoxShows()
    {
        // Text can reach a box without a keystroke its binding hears of (dictation, a text expander, a password
        // manager's fill set the value directly), and the box sends "change" as it loses the focus only if it had it.
        // Create request and Add note still save what the box shows. Red before the shell's submit hook reported it.
        const string Description = "Принтер на 3-м этаже 打印机卡纸 🖨️";
        const string Note = "Позвонила ещё раз 再次致电 ☎️";
        var alice = await s_reps.OpenAsync("alice");

        await OpenNewRequestFormAsync(alice);
        await alice.GetByTestId("request-title").FillAsync("Text in the box without a keystroke");
        var description = FluentFields.TextArea(alice.GetByTestId("request-description"));
        await FluentFields.ReadyAsync(description);
        // Enabled: the page is interactive, so the box is the one the circuit renders into, not a prerendered one.
        await Expect(description).ToBeEnabledAsync();
        await FluentFields.PutTextWithoutKeystrokeAsync(description, Description);
        await alice.GetByTestId("request-save").ClickAsync();
        await Expect(alice).ToHaveURLAsync(RequestUrl());
        await Expect(alice.GetByTestId("request-description")).ToHaveTextAsync(Description);

        var note = FluentFields.TextArea(alice.GetByTestId("request-note"));
        await FluentFields.ReadyAsync(note);
        await Expect(note).ToBeEnabledAsync();
        await FluentFields.PutTextWithoutKeystrokeAsync(note, Note);
        await alice.GetByTestId("request-note-add").ClickAsync();
        await Expect(alice.GetByTestId("activity-note")).ToHaveTextAsync(Note);
        await Expect(note).ToHaveValueAsync(string.Empty);

        await alice.ReloadAsync();
        await Expect(alice.GetByTestId("request-description")).ToHaveTextAsync(Description);
        await Expect(alice.GetByTestId("activity-note")).ToHaveTextAsync(Note);
        Assert.AreEqual(Description, await alice.GetByTestId("request-description").TextContentAsync());
        Assert.AreEqual(Note, await alice.GetByTestId("activity-note").TextContentAsync());
    }
}
