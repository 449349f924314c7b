using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using ServicePro.Contracts.Data;
using ServicePro.Modules.Chat.Data;

namespace ServicePro.Modules.Chat.Services;

/// <summary>
/// The chat's contexts, on the host's provider (the derived context with that provider's migrations, configured by the
/// host as <see cref="ModuleDbContextFactory{TContext, TSqliteContext, TSqlServerContext, TPostgreSqlContext}"/> does),
/// taken from EF Core's context pool. A new context resolves some twenty scoped services of EF's own before its first
/// query: with every message a batch of its own at the low rates, that was a fifth of the writer's CPU. A pooled
/// context keeps them and is reset when it is returned (tracked entities, transaction and connection settings), so the
/// chat's contexts must keep no state of their own — they keep none.
/// On SQLite the writer's contexts come from a pool of their own, whose connection string differs from everyone
/// else's by an explicit <c>Pooling=True</c>. Microsoft.Data.Sqlite pools native connections by connection string, so
/// the writer, which runs one batch at a time, is given the same native connection for every batch. Sharing the pool
/// with the readers, it was given whichever was idle: measured with <c>strace</c>, its commits alternated between two
/// connections, and SQLite drops a connection's whole page cache when another connection has written since its last
/// transaction, so batch after batch read its pages again from the file.
/// </summary>
public sealed class PooledChatDbFactory : IChatDbFactory
{
    /// <summary>Contexts kept for reuse; more may be in use at once (they are then created and discarded).</summary>
    public const int PoolSize = 64;

    /// <summary>The writer's own contexts: one batch at a time needs few.</summary>
    public const int WriterPoolSize = 4;

    private readonly Func<ChatDbContext> _create;
    private readonly Func<ChatDbContext> _createForWriter;

    public PooledChatDbFactory(IModuleDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        (_create, _createForWriter) = database.Provider switch
        {
            DatabaseProvider.SqlServer => Shared(Pool<SqlServerChatDbContext>(database, PoolSize)),
            DatabaseProvider.PostgreSql => Shared(Pool<PostgreSqlChatDbContext>(database, PoolSize)),
            _ => (Pool<SqliteChatDbContext>(database, PoolSize), Pool<SqliteChatDbContext>(database, WriterPoolSize, WriterConnectionString)),
        };
    }

    public ChatDbContext Create() => _create();

    public ChatDbContext CreateForWriter() => _createForWriter();

    /// <summary>The same database and settings, named so that Microsoft.Data.Sqlite gives them a pool of their own.</summary>
    internal static string? WriterConnectionString(string? connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (!builder.Pooling)
        {
            return connectionString; // No pool to share: every open is a connection of its own anyway.
        }

        builder.Pooling = true; // Explicit: the text differs from a string that leaves it to the default.
        var own = builder.ToString();
        return own == connectionString ? own + ";" : own;
    }

    private static (Func<ChatDbContext>, Func<ChatDbContext>) Shared(Func<ChatDbContext> create) => (create, create);

    private static Func<ChatDbContext> Pool<TContext>(IModuleDatabase database, int size, Func<string?, string?>? connectionString = null)
        where TContext : ChatDbContext
    {
        var builder = new DbContextOptionsBuilder<TContext>();
        database.Configure(builder, typeof(TContext).Assembly.GetName().Name!);
        if (connectionString is not null)
        {
            builder.UseSqlite(connectionString(RelationalOptionsExtension.Extract(builder.Options).ConnectionString));
        }

        var pool = new PooledDbContextFactory<TContext>(builder.Options, size);
        return pool.CreateDbContext;
    }
}
