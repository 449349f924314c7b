using ServicePro.Modules.Chat.Data;

namespace ServicePro.Modules.Chat.Services;

/// <summary>Creates the provider's chat context (SQLite or SQL Server) as its common base.</summary>
public interface IChatDbFactory
{
    ChatDbContext Create();

    /// <summary>
    /// A context for one of <see cref="Writing.ChatWriter"/>'s batches (one at a time). It may differ from
    /// <see cref="Create"/> only in which connections it is given (see <see cref="PooledChatDbFactory"/>).
    /// </summary>
    ChatDbContext CreateForWriter() => Create();
}
