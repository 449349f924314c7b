using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ServicePro.EndToEnd.Tests;

/// <summary>What an administrator does on Admin → Users, and what a new user does at her first sign-in.</summary>
public static class UsersPage
{
    public const string TemporaryPassword = "Temp#2026ok";

    public static async Task OpenAsync(IPage admin)
    {
        ArgumentNullException.ThrowIfNull(admin);
        await admin.GetByTestId("nav-admin-users").ClickAsync();
        await Expect(admin.GetByTestId("users-list")).ToBeVisibleAsync();
    }

    /// <summary>
    /// Opens Import, picks a CSV file with <paramref name="csv"/> and waits for its preview to offer creating
    /// <paramref name="users"/> users; the caller confirms (or not).
    /// </summary>
    public static async Task PreviewImportAsync(IPage admin, string fileName, string csv, int users)
    {
        ArgumentNullException.ThrowIfNull(admin);
        await admin.GetByTestId("users-import").ClickAsync();
        // Blazor's InputFile listens for the file only once its script has initialised the input (after the render that
        // shows it); a file set before that is ignored. A person cannot pick a file that fast; the test waits for it.
        await admin.WaitForFunctionAsync("() => document.querySelector('[data-testid=users-import-file]')?._blazorInputFileNextFileId !== undefined");
        await admin.GetByTestId("users-import-file").SetInputFilesAsync(new FilePayload
        {
            Name = fileName,
            MimeType = "text/csv",
            Buffer = System.Text.Encoding.UTF8.GetBytes(csv),
        });
        await Expect(admin.GetByTestId("users-import-confirm")).ToContainTextAsync($"Create {users} users");
    }

    /// <summary>
    /// The audit trail's line (a row of its FluentDataGrid) that says <paramref name="change"/> of the account
    /// <paramref name="user"/>; the newest lines are on the grid's first page.
    /// </summary>
    public static ILocator AuditLine(IPage admin, string user, string change)
    {
        ArgumentNullException.ThrowIfNull(admin);
        return admin.GetByTestId("users-audit").Locator("tbody tr")
            .Filter(new() { Has = admin.Locator("td", new() { HasTextRegex = new System.Text.RegularExpressions.Regex($"^{System.Text.RegularExpressions.Regex.Escape(user)}$") }) })
            .Filter(new() { HasText = change }).First;
    }

    /// <summary>Fills the create form and saves; the caller checks the outcome.</summary>
    public static async Task FillAndSaveAsync(IPage admin, string userName, string displayName, string email, string password, params string[] roles)
    {
        ArgumentNullException.ThrowIfNull(admin);
        await admin.GetByTestId("user-new").ClickAsync();
        await admin.GetByTestId("user-username").FillAsync(userName);
        await admin.GetByTestId("user-displayname").FillAsync(displayName);
        await admin.GetByTestId("user-email").FillAsync(email);
        foreach (var role in new[] { "Rep", "Privileged", "Administrator" })
        {
            await admin.GetByTestId($"user-role-{role}").SetCheckedAsync(roles.Contains(role));
        }

        await admin.GetByTestId("user-password").FillAsync(password);
        await admin.GetByTestId("user-save").ClickAsync();
    }

    public static async Task CreateAsync(IPage admin, string userName, string displayName, params string[] roles)
    {
        await FillAndSaveAsync(admin, userName, displayName, $"{userName}@servicepro.example", TemporaryPassword, roles.Length == 0 ? ["Rep"] : roles);
        await Expect(admin.GetByTestId($"user-row-{userName}")).ToBeVisibleAsync();
    }

    /// <summary>
    /// Signs in with the temporary password in a fresh context, is sent to the change-password page, chooses
    /// <paramref name="newPassword"/> and lands on the Workbench with the circuit up.
    /// </summary>
    public static async Task<IPage> FirstSignInAsync(Browser browser, Testing.HostProcess host, string userName, string newPassword, string temporaryPassword = TemporaryPassword)
    {
        ArgumentNullException.ThrowIfNull(browser);
        ArgumentNullException.ThrowIfNull(host);
        var context = await browser.Instance.NewContextAsync(new BrowserNewContextOptions { BaseURL = host.BaseAddress.ToString(), ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
        var page = await context.NewPageAsync();
        await SignInFormAsync(page, userName, temporaryPassword);
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/password"));
        await Expect(page.GetByTestId("password-username")).ToHaveValueAsync(userName);
        await page.GetByTestId("password-current").FillAsync(temporaryPassword);
        await page.GetByTestId("password-new").FillAsync(newPassword);
        await page.GetByTestId("password-save").ClickAsync();
        await Expect(page.GetByTestId("workbench")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("connection-status")).ToHaveAttributeAsync("data-state", "connected");
        return page;
    }

    public static async Task SignInFormAsync(IPage page, string userName, string password)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync("account/login");
        await page.GetByTestId("login-username").FillAsync(userName);
        await page.GetByTestId("login-password").FillAsync(password);
        await page.GetByTestId("login-submit").ClickAsync();
    }
}
