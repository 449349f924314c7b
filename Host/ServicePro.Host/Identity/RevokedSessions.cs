using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using ServicePro.Contracts.Events;
using ServicePro.Contracts.Users;

namespace ServicePro.Host.Identity;

/// <summary>
/// Users whose access ended (<see cref="UserAccessRevokedEvent"/>, from this host or another), and when: a sign-in
/// cookie issued before that is refused on its next request, without waiting for Identity's periodic security-stamp
/// check (which catches the rest after a restart, since disabling also changes the stamp).
/// </summary>
public sealed class RevokedSessions : IDisposable
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _revokedAt = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _staleAt = new(StringComparer.OrdinalIgnoreCase);
    private readonly TimeProvider _clock;
    private readonly IDisposable _subscription;
    private readonly IDisposable _staleSubscription;

    public RevokedSessions(IEventAggregator events, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(events);
        _clock = clock;
        _subscription = events.Subscribe<UserAccessRevokedEvent>((revoked, _) =>
        {
            Revoke(revoked.UserName, revoked.RevokedAt);
            return Task.CompletedTask;
        });
        _staleSubscription = events.Subscribe<UserSessionsStaleEvent>((stale, _) =>
        {
            MarkStale(stale.UserName);
            return Task.CompletedTask;
        });
    }

    /// <summary>Cookies of <paramref name="userName"/> issued until now are reissued with her roles as they are now.</summary>
    public void MarkStale(string userName) => _staleAt[userName] = _clock.GetUtcNow();

    private bool IsStale(string? userName, DateTimeOffset? issuedAt) =>
        userName is not null && _staleAt.TryGetValue(userName, out var staleAt) && (issuedAt is null || issuedAt <= staleAt);

    /// <summary>
    /// Cookies of <paramref name="userName"/> issued until <paramref name="at"/> (now when null) stop working; called at
    /// once on the host that revokes, and again when the event is heard. A revocation heard late never moves the stamp
    /// back, nor past the time it happened (she may have been enabled again and signed in since).
    /// </summary>
    /// <returns>The time stamped, to publish with the event.</returns>
    public DateTimeOffset Revoke(string userName, DateTimeOffset? at = null)
    {
        var stamp = at ?? _clock.GetUtcNow();
        _revokedAt.AddOrUpdate(userName, stamp, (_, known) => known > stamp ? known : stamp);
        return stamp;
    }

    public bool IsRevoked(string? userName, DateTimeOffset? issuedAt) =>
        userName is not null && _revokedAt.TryGetValue(userName, out var revokedAt) && (issuedAt is null || issuedAt <= revokedAt);

    /// <summary>
    /// The cookie's own <see cref="AuthenticationProperties.IssuedUtc"/> keeps whole seconds only (it is written as an
    /// RFC 1123 date), so a sign-in in the same second as a revocation (disabled, enabled again and signed in at once;
    /// a password reset and the sign-in with the new one) would read as issued before it and be refused. The moment of
    /// signing in is kept in the cookie in ticks as well, and revocations are compared with that.
    /// </summary>
    public const string IssuedTicksItem = ".servicepro.issued";

    /// <summary>Keeps the moment of signing in, to the tick, in the cookie's properties.</summary>
    public static void StampIssued(AuthenticationProperties properties, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(properties);
        properties.Items[IssuedTicksItem] = at.UtcTicks.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// When the cookie was issued: to the tick when it carries <see cref="IssuedTicksItem"/>, else (a cookie from before
    /// it) its whole-second <see cref="AuthenticationProperties.IssuedUtc"/>, which errs on the side of refusing.
    /// </summary>
    public static DateTimeOffset? IssuedAt(AuthenticationProperties properties)
    {
        ArgumentNullException.ThrowIfNull(properties);
        return properties.Items.TryGetValue(IssuedTicksItem, out var ticks)
            && long.TryParse(ticks, NumberStyles.None, CultureInfo.InvariantCulture, out var utcTicks)
            && utcTicks <= DateTimeOffset.MaxValue.UtcTicks
                ? new DateTimeOffset(utcTicks, TimeSpan.Zero)
                : properties.IssuedUtc;
    }

    /// <summary>The cookie handler's signing-in event: stamps the moment (<see cref="StampIssued"/>).</summary>
    public static Task SigningInAsync(CookieSigningInContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        StampIssued(context.Properties, context.HttpContext.RequestServices.GetRequiredService<RevokedSessions>()._clock.GetUtcNow());
        return Task.CompletedTask;
    }

    /// <summary>The cookie's principal check: revoked sessions first, then Identity's security-stamp validation.</summary>
    public static async Task ValidatePrincipalAsync(CookieValidatePrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var revoked = context.HttpContext.RequestServices.GetRequiredService<RevokedSessions>();
        var issuedAt = IssuedAt(context.Properties);
        if (revoked.IsRevoked(context.Principal?.Identity?.Name, issuedAt))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }

        if (revoked.IsStale(context.Principal?.Identity?.Name, issuedAt))
        {
            var signIn = context.HttpContext.RequestServices.GetRequiredService<SignInManager<IdentityUser>>();
            if (await signIn.ValidateSecurityStampAsync(context.Principal) is { } user)
            {
                context.ReplacePrincipal(await signIn.CreateUserPrincipalAsync(user));
                var now = revoked._clock.GetUtcNow();
                context.Properties.IssuedUtc = now;
                StampIssued(context.Properties, now);
                context.ShouldRenew = true;
                return;
            }
        }

        await SecurityStampValidator.ValidatePrincipalAsync(context);
    }

    public void Dispose()
    {
        _subscription.Dispose();
        _staleSubscription.Dispose();
    }
}
