using Microsoft.EntityFrameworkCore;
using ServicePro.Modules.Chat.Data;
using ServicePro.Modules.Chat.Services;

namespace ServicePro.Modules.Chat.Tests.Support;

/// <summary>The chat's contexts from a test's own context factory (the module itself uses <see cref="PooledChatDbFactory"/>).</summary>
public sealed class ChatDbFactory<TContext>(IDbContextFactory<TContext> factory) : IChatDbFactory
    where TContext : ChatDbContext
{
    public ChatDbContext Create() => factory.CreateDbContext();
}
