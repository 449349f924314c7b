namespace ServicePro.Host.Identity;

/// <summary>The answer to an administrator's change: done, or the reason in words (nothing changed).</summary>
public sealed record UserChangeResult(string? Error)
{
    public static UserChangeResult Done { get; } = new((string?)null);

    public bool Succeeded => Error is null;

    public static UserChangeResult Refused(string error) => new(error);
}
