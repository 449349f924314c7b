using Microsoft.EntityFrameworkCore;

namespace ServicePro.Modules.Chat.Data;

/// <summary>Chat on SQL Server; its migrations are in <c>Data/Migrations/SqlServer</c>.</summary>
public sealed class SqlServerChatDbContext(DbContextOptions<SqlServerChatDbContext> options) : ChatDbContext(options);
