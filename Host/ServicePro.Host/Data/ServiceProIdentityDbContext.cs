using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace ServicePro.Host.Data;

/// <summary>
/// The host's own tables: ASP.NET Core Identity. Each provider has a derived context that carries its migrations
/// (<see cref="SqliteIdentityDbContext"/>, <see cref="SqlServerIdentityDbContext"/>, <see cref="PostgreSqlIdentityDbContext"/>).
/// </summary>
public abstract class ServiceProIdentityDbContext(DbContextOptions options) : IdentityDbContext<IdentityUser>(options);
