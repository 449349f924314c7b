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
/// </summary>
public sealed class PooledChatDbFactory : IChatDbFactory
{
    /// <summary>Contexts kept for reuse; more may be in use at once (they are then created and discarded).</summary>
    public const int PoolSize = 64;

    private readonly Func<ChatDbContext> _create;

    public PooledChatDbFactory(IModuleDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _create = database.Provider switch
        {
            DatabaseProvider.SqlServer => Pool<SqlServerChatDbContext>(database),
            DatabaseProvider.PostgreSql => Pool<PostgreSqlChatDbContext>(database),
            _ => Pool<SqliteChatDbContext>(database),
        };
    }

    public ChatDbContext Create() => _create();

    private static Func<ChatDbContext> Pool<TContext>(IModuleDatabase database)
        where TContext : ChatDbContext
    {
        var builder = new DbContextOptionsBuilder<TContext>();
        database.Configure(builder, typeof(TContext).Assembly.GetName().Name!);
        var pool = new PooledDbContextFactory<TContext>(builder.Options, PoolSize);
        return pool.CreateDbContext;
    }
}
