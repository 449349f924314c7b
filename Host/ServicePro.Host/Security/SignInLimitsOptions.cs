namespace ServicePro.Host.Security;

/// <summary>
/// The <c>SignIn</c> settings: how fast one client may try passwords, how many password checks run at once, and how
/// long tokens from <c>POST /account/token</c> live. The defaults are far above what a rep signing in ever does.
/// </summary>
public sealed class SignInLimitsOptions
{
    public const string Section = "SignIn";

    /// <summary>Sign-in posts (the form, <c>/account/token</c>, <c>/account/refresh</c>) one client address may make per <see cref="ClientWindow"/>.</summary>
    public int PermitsPerClient { get; set; } = 30;

    public TimeSpan ClientWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Wrong passwords for one user name from one client address per <see cref="AccountWindow"/>; then that pair is throttled.</summary>
    public int FailuresPerAccount { get; set; } = 10;

    public TimeSpan AccountWindow { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Password checks (hashing) running at once; the rest wait in a queue so hashing never starves the host.</summary>
    public int ConcurrentPasswordChecks { get; set; } = Math.Max(1, Environment.ProcessorCount / 2);

    /// <summary>Sign-ins that may wait for a password check; beyond that the answer is 503 with <c>Retry-After</c>.</summary>
    public int PasswordCheckQueue { get; set; } = 1000;

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(14);
}
