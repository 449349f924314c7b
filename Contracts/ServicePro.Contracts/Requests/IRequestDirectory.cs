namespace ServicePro.Contracts.Requests;

/// <summary>
/// Request numbers and titles for other modules (a chat invitation names the request it is about). Provided by the
/// Requests module; absent from the container when that module is not loaded.
/// </summary>
public interface IRequestDirectory
{
    /// <summary>The request with that number, or <c>null</c> when there is none.</summary>
    /// <param name="number">The request number.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The request's number and title, or <c>null</c>.</returns>
    Task<RequestReference?> FindAsync(int number, CancellationToken cancellationToken);
}
