namespace ServicePro.Contracts.Users;

/// <summary>
/// The names people see for users, from the host (what an administrator typed as the display name), for rendering
/// wherever a person is meant. Never an identity: store and compare user names.
/// </summary>
public interface IUserDisplayNames
{
    /// <summary>The display name of <paramref name="userName"/>, or <paramref name="userName"/> itself when she has none (or is not known yet).</summary>
    /// <param name="userName">The user name.</param>
    /// <returns>The name to show.</returns>
    string Of(string userName);
}
