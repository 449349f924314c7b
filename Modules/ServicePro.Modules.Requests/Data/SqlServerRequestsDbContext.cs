using Microsoft.EntityFrameworkCore;

namespace ServicePro.Modules.Requests.Data;

/// <summary>The Requests tables on SQL Server; its migrations are in <c>Data/Migrations/SqlServer</c>.</summary>
public sealed class SqlServerRequestsDbContext(DbContextOptions<SqlServerRequestsDbContext> options) : RequestsDbContext(options);
