using ServicePro.Contracts.Users;

namespace ServicePro.Modules.Requests.Benchmarks;

/// <summary>The list queries never ask for users.</summary>
internal sealed class NoUsers : IUserDirectory
{
    public Task<IReadOnlyList<UserSummary>> ListAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<UserSummary>>([]);

    public Task<UserSummary?> FindAsync(string userName, CancellationToken cancellationToken) => Task.FromResult<UserSummary?>(null);
}
