using System.Net;
using System.Text.RegularExpressions;

namespace ServicePro.Testing;

/// <summary>Signs an <see cref="HttpClient"/> in through the real sign-in form, as a browser would.</summary>
public static partial class SignIn
{
    public const string DemoPassword = "Demo#2026";

    /// <returns>The response to the form post (a redirect on success).</returns>
    public static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string userName, string password = DemoPassword, CancellationToken cancellationToken = default)
    {
        var form = await client.GetStringAsync("account/login", cancellationToken);

        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = AntiforgeryToken(form),
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
        });
        return await client.PostAsync("account/login", content, cancellationToken);
    }

    /// <summary>The antiforgery token of the first form on a page.</summary>
    public static string AntiforgeryToken(string html)
    {
        var token = TokenPattern().Match(html);
        return token.Success
            ? WebUtility.HtmlDecode(token.Groups[1].Value)
            : throw new InvalidOperationException($"The page has no antiforgery token:\n{html}");
    }

    public static async Task AsAsync(HttpClient client, string userName, CancellationToken cancellationToken = default)
    {
        using var response = await PostLoginAsync(client, userName, DemoPassword, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Redirect && response.StatusCode != HttpStatusCode.Found)
        {
            throw new InvalidOperationException($"Sign-in as {userName} failed with {(int)response.StatusCode}.");
        }
    }

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
