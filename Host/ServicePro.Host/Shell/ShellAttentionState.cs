namespace ServicePro.Host.Shell;

/// <summary>What the browser says about notifications ("default", "granted", "denied", "unsupported") and whether the chime is on.</summary>
public sealed record ShellAttentionState(string Permission, bool Sound);
