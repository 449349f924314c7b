using Microsoft.EntityFrameworkCore;
using ServicePro.Modules.Chat.Data;

namespace ServicePro.Modules.Chat.Services;

public sealed class ChatDbFactory<TContext>(IDbContextFactory<TContext> factory) : IChatDbFactory
    where TContext : ChatDbContext
{
    public ChatDbContext Create() => factory.CreateDbContext();
}
