namespace Company.Module1;

/// <summary>The module's names: ids and paths that the host, the shell and the tests rely on.</summary>
public static class Module1Constants
{
    /// <summary>The module id: the one in modules.config, and the id of its Social item and tile.</summary>
    public const string ModuleId = "module1";

    /// <summary>The title on Admin → Modules, the Social menu and the Workbench tile.</summary>
    public const string Title = "Module1";

    /// <summary>The module's page, relative to the shell (see <c>Module1Page.razor</c>).</summary>
    public const string PagePath = "module1";
}
