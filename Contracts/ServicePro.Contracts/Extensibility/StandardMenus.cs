namespace ServicePro.Contracts.Extensibility;

/// <summary>Names of the menus that <see cref="IMenuContributor"/>s fill.</summary>
public static class StandardMenus
{
    /// <summary>The shell's navigation list (Workbench, Requests, Messages, Admin → Modules, …).</summary>
    public const string Navigation = "navigation";

    /// <summary>The pop-up menu behind the ribbon's Social button, on the Workbench and on each request.</summary>
    public const string Social = "social";
}
