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
        await alice.GetByTestId("request-save").ClickAsync();
        await Expect(alice).ToHaveURLAsync(RequestUrl());
        await Expect(alice.GetByTestId("request-description")).ToHaveTextAsync(text);
        // Exactly: a text assertion forgives whitespace, and a lost last key may be a space.
        Assert.AreEqual(text, await alice.GetByTestId("request-description").TextContentAsync());

        var note = FluentFields.TextArea(alice.GetByTestId("request-note"));
        await FluentFields.ReadyAsync(note);
        await note.FillAsync(text[..cut]);
        await note.PressSequentiallyAsync(text[cut..]);
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
}
