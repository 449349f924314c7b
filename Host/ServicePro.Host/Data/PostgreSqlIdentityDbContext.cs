using Microsoft.EntityFrameworkCore;

namespace ServicePro.Host.Data;

/// <summary>Identity on PostgreSQL; its migrations are in <c>Data/Migrations/PostgreSql</c>.</summary>
public sealed class PostgreSqlIdentityDbContext(DbContextOptions<PostgreSqlIdentityDbContext> options) : ServiceProIdentityDbContext(options);
