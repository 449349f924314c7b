using Microsoft.EntityFrameworkCore;
using ServicePro.Host.Data;
using ServicePro.Host.Modularity;

namespace ServicePro.Host.Tests.Support;

/// <summary>The host's own database (identity, leases, module states) in a migrated SQLite file of its own.</summary>
public sealed class HostDatabase : IAsyncDisposable
{
    private readonly string _folder;
    private readonly ServiceProvider _services;

    private HostDatabase(string folder, ServiceProvider services)
    {
        _folder = folder;
        _services = services;
    }

    public string ConnectionString => ConnectionStringIn(_folder);

    public IServiceScopeFactory Scopes => _services.GetRequiredService<IServiceScopeFactory>();

    public static async Task<HostDatabase> CreateAsync()
    {
        var folder = Directory.CreateTempSubdirectory("servicepro-hostdb-").FullName;
        var services = new ServiceCollection();
        services.AddDbContext<ServiceProIdentityDbContext, SqliteIdentityDbContext>(o => o.UseSqlite(ConnectionStringIn(folder)));
        var provider = services.BuildServiceProvider();
        await using (var scope = provider.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ServiceProIdentityDbContext>().Database.MigrateAsync();
        }

        return new HostDatabase(folder, provider);
    }

    public ModuleStateStore Store() => new(Scopes, TimeProvider.System);

    /// <summary>The stored module choices.</summary>
    public Task<IReadOnlyDictionary<string, bool>> StatesAsync() => Store().ReadAsync(CancellationToken.None);

    private static string ConnectionStringIn(string folder) => $"Data Source={Path.Combine(folder, "host.db")};Pooling=False";

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }
}
