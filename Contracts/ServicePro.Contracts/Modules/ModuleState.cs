namespace ServicePro.Contracts.Modules;

/// <summary>The state of a module as the host sees it.</summary>
public enum ModuleState
{
    /// <summary>Loaded and active: its contributions show and its endpoints serve.</summary>
    Enabled,

    /// <summary>Turned off by an administrator: no contributions, endpoints answer 404.</summary>
    Disabled,

    /// <summary>Could not be loaded or started; <see cref="ModuleInfo.Reason"/> says why.</summary>
    Failed,
}
