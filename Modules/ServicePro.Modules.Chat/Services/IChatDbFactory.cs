using ServicePro.Modules.Chat.Data;

namespace ServicePro.Modules.Chat.Services;

/// <summary>Creates the provider's chat context (SQLite or SQL Server) as its common base.</summary>
public interface IChatDbFactory
{
    ChatDbContext Create();
}
