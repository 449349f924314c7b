namespace ServicePro.Contracts.Users;

/// <summary>The users of ServicePro, provided by the host from its sign-in store.</summary>
public interface IUserDirectory
{
    /// <summary>Every user, by user name.</summary>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The users.</returns>
    Task<IReadOnlyList<UserSummary>> ListAsync(CancellationToken cancellationToken);

    /// <summary>One user by user name (case-insensitive), or <c>null</c> when there is none.</summary>
    /// <param name="userName">The user name.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The user, or <c>null</c>.</returns>
    Task<UserSummary?> FindAsync(string userName, CancellationToken cancellationToken);
}
