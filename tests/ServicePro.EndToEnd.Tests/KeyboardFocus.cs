using System.Text.Json;
using Microsoft.Playwright;

namespace ServicePro.EndToEnd.Tests;

/// <summary>
/// Moves and checks keyboard focus the way a keyboard user does: Tab and Shift+Tab only, never a click. Elements are
/// named by test id; the focused element "is" a test id when it, or an element around it (across web components'
/// shadow roots), carries it, so a native control and a Fluent component that wraps one answer alike.
/// </summary>
public static class KeyboardFocus
{
    /// <summary>At most this many Tab presses to reach a control: more is a focus order no one would use.</summary>
    public const int MaxPresses = 40;

    // Focus moves by itself after a render (a window opening or closing takes or gives it back through Blazor's
    // interop): wait for it frame by frame, as long as Playwright's expectations wait.
    private const string WaitForFocusScript = """
        async ([id, timeout]) => {
          const has = () => {
            let e = document.activeElement;
            while (e && e.shadowRoot && e.shadowRoot.activeElement) e = e.shadowRoot.activeElement;
            for (let n = e; n; n = n.parentElement ?? (n.getRootNode() instanceof ShadowRoot ? n.getRootNode().host : null)) {
              if (n.dataset && n.dataset.testid === id) return true;
            }
            return false;
          };
          const end = performance.now() + timeout;
          while (!has() && performance.now() < end) await new Promise(r => requestAnimationFrame(r));
          return has();
        }
        """;

    private const string FocusedScript = """
        () => {
          let e = document.activeElement;
          while (e && e.shadowRoot && e.shadowRoot.activeElement) e = e.shadowRoot.activeElement;
          const ids = [];
          for (let n = e; n; n = n.parentElement ?? (n.getRootNode() instanceof ShadowRoot ? n.getRootNode().host : null)) {
            if (n.dataset && n.dataset.testid) ids.push(n.dataset.testid);
          }
          const name = e ? e.tagName.toLowerCase() + (e.dataset?.testid ? `[${e.dataset.testid}]` : '') : 'nothing';
          return { name, ids, onBody: !e || e === document.body };
        }
        """;

    // The focused element and the web component hosts it sits in: one of them must draw a ring (an outline or a
    // box-shadow, as Fluent UI's buttons do), not transparent, not zero wide.
    private const string RingScript = """
        () => {
          const chain = [];
          for (let e = document.activeElement; e; e = e.shadowRoot?.activeElement ?? null) chain.push(e);
          const visible = c => !/^(transparent|rgba\(.*,\s*0\))$/.test(c);
          const rings = chain.map(el => {
            const s = getComputedStyle(el);
            const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0 && visible(s.outlineColor);
            const shadow = s.boxShadow !== 'none' && s.boxShadow !== '';
            return { el: el.tagName.toLowerCase(), outline: `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}`, shadow: s.boxShadow, ring: outline || shadow };
          });
          return { ring: rings.some(r => r.ring) && chain[0] !== document.body, details: JSON.stringify(rings) };
        }
        """;

    /// <summary>Presses Tab (or Shift+Tab) until <paramref name="testId"/> has the focus; fails with the path taken.</summary>
    public static async Task TabToAsync(IPage page, string testId, bool backwards = false)
    {
        ArgumentNullException.ThrowIfNull(page);
        var path = new List<string>();
        for (var press = 0; press <= MaxPresses; press++)
        {
            var focused = await FocusedAsync(page);
            if (focused.Ids.Contains(testId))
            {
                return;
            }

            path.Add(focused.Name);
            await page.Keyboard.PressAsync(backwards ? "Shift+Tab" : "Tab");
        }

        Assert.Fail($"{(backwards ? "Shift+Tab" : "Tab")} did not reach {testId} in {MaxPresses} presses; focus went: {string.Join(" → ", path)}");
    }

    /// <summary>Waits until <paramref name="testId"/> (or an element inside it) has the focus; fails if it does not come.</summary>
    public static async Task ExpectFocusedAsync(IPage page, string testId, string step)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (await page.EvaluateAsync<bool>(WaitForFocusScript, new object[] { testId, 20_000 }))
        {
            return;
        }

        var focused = await FocusedAsync(page);
        Assert.Contains(testId, focused.Ids, $"{step}: the focus should be on {testId}, it is on {focused.Name}");
    }

    /// <summary>Fails unless the focused element shows a focus ring.</summary>
    public static async Task ExpectRingAsync(IPage page, string step)
    {
        ArgumentNullException.ThrowIfNull(page);
        var result = await page.EvaluateAsync<JsonElement>(RingScript);
        Assert.IsTrue(result.GetProperty("ring").GetBoolean(), $"{step}: the focused element shows no focus ring: {result.GetProperty("details").GetString()}");
    }

    /// <summary><see cref="TabToAsync"/>, then <see cref="ExpectRingAsync"/>.</summary>
    public static async Task TabToWithRingAsync(IPage page, string testId, bool backwards = false)
    {
        await TabToAsync(page, testId, backwards);
        await ExpectRingAsync(page, testId);
    }

    private static async Task<(string Name, IReadOnlyList<string> Ids)> FocusedAsync(IPage page)
    {
        var focused = await page.EvaluateAsync<JsonElement>(FocusedScript);
        var ids = focused.GetProperty("ids").EnumerateArray().Select(i => i.GetString() ?? string.Empty).ToList();
        return (focused.GetProperty("name").GetString() ?? "?", ids);
    }
}
