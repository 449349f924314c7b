using ServicePro.Contracts.Security;
using ServicePro.Contracts.Users;

namespace ServicePro.Modules.Requests.Tests.Support;

/// <summary>The demo accounts, as the host's user directory lists them.</summary>
public sealed class FakeUserDirectory : IUserDirectory
{
    private static readonly UserSummary[] Users =
    [
        new("admin", [ServiceProRoles.Administrator, ServiceProRoles.Privileged, ServiceProRoles.Rep]),
        new("alice", [ServiceProRoles.Rep]),
        new("bob", [ServiceProRoles.Rep]),
        new("carol", [ServiceProRoles.Privileged, ServiceProRoles.Rep]),
    ];

    public Task<IReadOnlyList<UserSummary>> ListAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<UserSummary>>(Users);

    public Task<UserSummary?> FindAsync(string userName, CancellationToken cancellationToken) =>
        Task.FromResult(Users.FirstOrDefault(u => string.Equals(u.UserName, userName.Trim(), StringComparison.OrdinalIgnoreCase)));
}
