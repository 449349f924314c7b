using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ServicePro.EndToEnd.Tests;

/// <summary>
/// Fluent UI web components used as a rep uses them. A <c>fluent-dropdown</c> (FluentSelect) is opened and its option
/// clicked; a <c>fluent-textarea</c> (FluentTextArea) keeps its <c>&lt;textarea&gt;</c> in its shadow root, which
/// Playwright's CSS locators pierce, so typing goes to that inner element. The test id stays on the component.
/// </summary>
public static class FluentFields
{
    /// <summary>Opens <paramref name="dropdown"/>, clicks the option whose value is <paramref name="value"/> and waits until the list has closed.</summary>
    public static async Task ChooseAsync(ILocator dropdown, string value)
    {
        ArgumentNullException.ThrowIfNull(dropdown);
        await dropdown.ClickAsync();
        // fluent-option's role comes from ElementInternals, which Playwright's role queries do not read: found by value.
        var option = dropdown.Locator($"fluent-option[value='{value}']");
        await Expect(option).ToBeVisibleAsync();
        await option.ClickAsync();
        await Expect(dropdown.Locator("fluent-listbox")).ToBeHiddenAsync();
    }

    /// <summary>The text of the option <paramref name="dropdown"/> shows as chosen.</summary>
    public static Task<string> ChosenTextAsync(ILocator dropdown)
    {
        ArgumentNullException.ThrowIfNull(dropdown);
        return dropdown.EvaluateAsync<string>("e => (e.selectedOptions?.[0]?.textContent ?? '').trim()");
    }

    /// <summary>
    /// Clicks a FluentButton once the circuit has enabled it. Playwright's actionability checks read only a native
    /// control's disabled state: a <c>fluent-button</c> rendered disabled (Send in the invite window until a rep is
    /// ticked) counts as enabled to them, and the click, made before the render that enables it, is lost.
    /// </summary>
    public static async Task ClickWhenEnabledAsync(ILocator button)
    {
        ArgumentNullException.ThrowIfNull(button);
        await Expect(button).ToHaveJSPropertyAsync("disabled", false);
        await button.ClickAsync();
    }

    /// <summary>
    /// Fills a <c>fluent-textarea</c> as a rep would: once it is on screen. Fluent sets the box's value from its initial
    /// content in the first animation frame after the element is connected, so text put in before that frame (which
    /// Playwright can do, a rep who must see the box first cannot) is wiped. Frame callbacks run in the order they were
    /// asked for: one asked for after the box appeared runs after Fluent's.
    /// </summary>
    public static async Task FillAsync(ILocator field, string text)
    {
        var box = TextArea(field);
        await ReadyAsync(box);
        await box.FillAsync(text);
    }

    /// <summary>
    /// Waits until <paramref name="box"/> (the <c>&lt;textarea&gt;</c> of a <c>fluent-textarea</c>, from
    /// <see cref="TextArea"/>) is on screen and past its first frame, so that what is typed into it stays.
    /// </summary>
    public static async Task ReadyAsync(ILocator box)
    {
        ArgumentNullException.ThrowIfNull(box);
        await Expect(box).ToBeVisibleAsync();
        await Browser.DrawnTwiceAsync(box.Page);
    }

    /// <summary>
    /// Puts <paramref name="text"/> into <paramref name="box"/> with no key and no event, as dictation, a text expander
    /// or a password manager's fill can: the binding hears of it only if something reports it.
    /// </summary>
    public static Task PutTextWithoutKeystrokeAsync(ILocator box, string text)
    {
        ArgumentNullException.ThrowIfNull(box);
        return box.EvaluateAsync("(box, text) => { box.value = text; }", text);
    }

    /// <summary>The <c>&lt;textarea&gt;</c> a rep types into, inside a <c>fluent-textarea</c> (or any element holding one).</summary>
    public static ILocator TextArea(ILocator field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return field.Locator("textarea");
    }
}
