namespace ServicePro.Contracts.Extensibility;

/// <summary>Names of the places in the shell that modules fill with views (Prism's regions).</summary>
public static class ShellRegions
{
    /// <summary>
    /// Rendered once in the shell layout, above every page: pop-ups and floating windows that must stay while the
    /// rep moves between pages (an invitation, a chat window).
    /// </summary>
    public const string Popups = "shell.popups";

    /// <summary>Rendered in the top bar, before the signed-in user: small indicators.</summary>
    public const string TopBar = "shell.topbar";
}
