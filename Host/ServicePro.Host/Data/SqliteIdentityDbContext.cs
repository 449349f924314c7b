using Microsoft.EntityFrameworkCore;

namespace ServicePro.Host.Data;

/// <summary>Identity on SQLite; its migrations are in <c>Data/Migrations/Sqlite</c>.</summary>
public sealed class SqliteIdentityDbContext(DbContextOptions<SqliteIdentityDbContext> options) : ServiceProIdentityDbContext(options);
