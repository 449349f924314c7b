using ServicePro.Contracts.Requests;

namespace ServicePro.Modules.Share;

/// <summary>Builds the <c>mailto:</c> link: the colleague is chosen in the rep's own mail program.</summary>
public static class MailLink
{
    public static string For(RequestReference? request, string? shellBaseUri)
    {
        if (request is null)
        {
            return $"mailto:?subject={Uri.EscapeDataString("ServicePro")}";
        }

        var subject = $"Request #{request.Number}: {request.Title}";
        var body = $"Could you have a look at request #{request.Number}, \"{request.Title}\"?";
        if (!string.IsNullOrEmpty(shellBaseUri))
        {
            body += $"\n\n{new Uri(new Uri(shellBaseUri), RequestRoutes.Details(request.Number))}";
        }

        return $"mailto:?subject={Uri.EscapeDataString(subject)}&body={Uri.EscapeDataString(body)}";
    }
}
