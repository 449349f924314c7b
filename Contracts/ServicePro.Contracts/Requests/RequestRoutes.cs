using System.Globalization;

namespace ServicePro.Contracts.Requests;

/// <summary>Shell paths of requests, so that any module can link to one.</summary>
public static class RequestRoutes
{
    /// <summary>The request list.</summary>
    public const string List = "requests";

    /// <summary>The page of one request, relative to the shell's base address.</summary>
    /// <param name="number">The request number.</param>
    /// <returns>A path such as <c>requests/42</c>.</returns>
    public static string Details(int number) => string.Create(CultureInfo.InvariantCulture, $"requests/{number}");
}
