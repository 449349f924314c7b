using Microsoft.Playwright;
using ServicePro.Testing;

namespace ServicePro.EndToEnd.Tests;

/// <summary>
/// Signed-in shells for the tests of one class on one host: every test gets fresh browser contexts, so no page, chat
/// window or pop-up that one test leaves behind is seen by the next. Each rep signs in through the form once; later
/// contexts start from that sign-in cookie (Playwright's storage state), which is much cheaper than the form.
/// </summary>
public sealed class RepSessions(Browser browser, HostProcess host)
{
    private readonly Dictionary<string, string> _signedIn = new(StringComparer.Ordinal);
    private readonly List<(string UserName, IPage Page)> _open = [];

    public Browser Browser { get; } = browser;

    public HostProcess Host { get; } = host;

    /// <summary>The pages opened since the last <see cref="CloseAllAsync"/>, with whose they are.</summary>
    public IReadOnlyList<(string UserName, IPage Page)> Open => _open;

    /// <summary>A new context for <paramref name="userName"/>, on the Workbench with its circuit up.</summary>
    public async Task<IPage> OpenAsync(string userName)
    {
        _signedIn.TryGetValue(userName, out var state);
        var page = await Browser.SignInAsync(Host, userName, state);
        _open.Add((userName, page));
        if (state is null)
        {
            _signedIn[userName] = await page.Context.StorageStateAsync();
        }

        return page;
    }

    /// <summary>
    /// Closes every context opened since the last call. Each page first navigates away, so that Blazor's disconnect
    /// beacon ends its circuit on the server at once (a closed tab's circuit would otherwise linger for minutes,
    /// keeping the rep online and her chat connection open into the next test).
    /// </summary>
    public async Task CloseAllAsync()
    {
        var contexts = _open.Select(o => o.Page.Context).ToList();
        _open.Clear();
        foreach (var context in contexts)
        {
            foreach (var page in context.Pages)
            {
                await page.GotoAsync("about:blank");
            }

            await context.CloseAsync();
        }
    }
}
