using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using ServicePro.Contracts.Users;
using ServicePro.Host.Data;

namespace ServicePro.Host.Identity;

/// <summary>
/// Display names in memory, for rendering without a query: read at start-up, set when this host creates a user, and
/// read again (at most every <see cref="RefreshInterval"/>, in the background) when a name is asked for that is not
/// known yet — a user created on another host.
/// </summary>
public sealed partial class UserDisplayNames(IServiceScopeFactory scopes, TimeProvider clock, ILogger<UserDisplayNames> logger) : IUserDisplayNames
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<string, string> _names = new(StringComparer.OrdinalIgnoreCase);
    private long _lastRefresh = long.MinValue;

    public string Of(string userName)
    {
        ArgumentNullException.ThrowIfNull(userName);
        if (_names.TryGetValue(userName, out var name))
        {
            return name;
        }

        var now = clock.GetUtcNow().UtcTicks;
        var last = Interlocked.Read(ref _lastRefresh);
        if (now - last > RefreshInterval.Ticks && Interlocked.CompareExchange(ref _lastRefresh, now, last) == last)
        {
            _ = RefreshInBackgroundAsync();
        }

        return userName;
    }

    public void Set(string userName, string? displayName)
    {
        if (string.IsNullOrWhiteSpace(displayName))
        {
            _names.TryRemove(userName, out _);
        }
        else
        {
            _names[userName] = displayName;
        }
    }

    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ServiceProIdentityDbContext>();
        var rows = await (from user in db.Users.AsNoTracking()
                          join profile in db.UserProfiles.AsNoTracking() on user.Id equals profile.UserId
                          where profile.DisplayName != null
                          select new { user.UserName, profile.DisplayName }).ToListAsync(cancellationToken);
        foreach (var row in rows.Where(r => r.UserName is not null))
        {
            Set(row.UserName!, row.DisplayName);
        }
    }

    private async Task RefreshInBackgroundAsync()
    {
        try
        {
            await RefreshAsync(CancellationToken.None);
        }
        catch (Exception ex)
        {
            // Names are a nicety: user names show meanwhile.
            LogRefreshFailed(logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Display names could not be read")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception);
}
