using Microsoft.EntityFrameworkCore;

namespace ServicePro.Modules.Requests.Data;

/// <summary>The Requests tables on SQLite; its migrations are in <c>Data/Migrations/Sqlite</c>.</summary>
public sealed class SqliteRequestsDbContext(DbContextOptions<SqliteRequestsDbContext> options) : RequestsDbContext(options);
