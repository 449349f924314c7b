namespace ServicePro.Modules.Share;

/// <summary>The Share module's names.</summary>
public static class ShareConstants
{
    /// <summary>The module id, as in modules.config; also the Social item's id (<c>social-item-share</c>).</summary>
    public const string ModuleId = "share";

    /// <summary>The Social item's title.</summary>
    public const string EmailItemTitle = "E-mail a colleague";
}
