using Microsoft.EntityFrameworkCore;

namespace ServicePro.Host.Data;

/// <summary>Identity on SQL Server; its migrations are in <c>Data/Migrations/SqlServer</c>.</summary>
public sealed class SqlServerIdentityDbContext(DbContextOptions<SqlServerIdentityDbContext> options) : ServiceProIdentityDbContext(options);
