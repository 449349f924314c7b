namespace ServicePro.Host.Security;

/// <summary>The <c>Security</c> settings.</summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>
    /// Origins besides the shell's own (<c>scheme://host[:port]</c>) whose pages may use a rep's cookie on the hubs and
    /// the Blazor circuit: the public address when the shell is hosted behind a proxy that changes the host or scheme.
    /// </summary>
    public IReadOnlyList<string> AllowedOrigins { get; set; } = [];
}
