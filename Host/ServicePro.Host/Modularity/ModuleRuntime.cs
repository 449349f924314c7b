using System.Reflection;
using ServicePro.Contracts.Diagnostics;
using ServicePro.Contracts.Modules;

namespace ServicePro.Host.Modularity;

/// <summary>
/// Every module of <c>modules.config</c> and its state for the life of the host. It loads and configures modules
/// (phase one) before the container is built, initializes them (phase two) after, and answers which module owns a
/// type and whether it is enabled. A module that cannot start is marked Failed with the reason; the others go on.
/// </summary>
public sealed class ModuleRuntime : IModuleStatus
{
    private readonly Lock _gate = new();
    private readonly List<ModuleRecord> _records;
    private readonly Dictionary<Assembly, ModuleRecord> _byAssembly = [];
    private readonly ILogger _logger;

    public ModuleRuntime(ModuleCatalog catalog, ILogger logger)
    {
        Catalog = catalog;
        _logger = logger;
        _records = catalog.Entries.Select(e => new ModuleRecord(e)).ToList();
    }

    public ModuleCatalog Catalog { get; }

    public IReadOnlyList<ModuleInfo> Modules
    {
        get
        {
            lock (_gate)
            {
                return _records.Select(r => r.ToInfo()).ToList();
            }
        }
    }

    /// <summary>Assemblies of the modules whose services were registered: their pages join the router.</summary>
    public IReadOnlyList<Assembly> ModuleAssemblies
    {
        get
        {
            lock (_gate)
            {
                return _records.Where(r => r.Configured && r.Loaded is not null).Select(r => r.Loaded!.Assembly).ToList();
            }
        }
    }

    /// <summary>Modules that were loaded, with the folder they were loaded from.</summary>
    public IReadOnlyList<(string Id, string? ContentDirectory)> LoadedModules
    {
        get
        {
            lock (_gate)
            {
                return _records.Where(r => r.Loaded is not null).Select(r => (r.Entry.Id, r.Loaded!.ContentDirectory)).ToList();
            }
        }
    }

    public bool IsEnabled(string moduleId)
    {
        lock (_gate)
        {
            return _records.FirstOrDefault(r => r.Entry.Id == moduleId)?.State == ModuleState.Enabled;
        }
    }

    public bool IsActive(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        lock (_gate)
        {
            return !_byAssembly.TryGetValue(type.Assembly, out var record) || record.State == ModuleState.Enabled;
        }
    }

    /// <summary>The id of the module whose assembly defines <paramref name="type"/>, or <c>null</c>.</summary>
    public string? OwnerOf(Type? type)
    {
        if (type is null)
        {
            return null;
        }

        lock (_gate)
        {
            return _byAssembly.TryGetValue(type.Assembly, out var record) ? record.Entry.Id : null;
        }
    }

    /// <summary>Phase one: load every enabled module, order them, and let each register its services.</summary>
    public void LoadAndConfigure(IModuleLoader loader, IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        foreach (var record in _records)
        {
            if (!record.Entry.Enabled)
            {
                record.State = ModuleState.Disabled;
                continue;
            }

            try
            {
                var loaded = loader.Load(record.Entry);
                if (!string.Equals(loaded.Module.Id, record.Entry.Id, StringComparison.Ordinal))
                {
                    throw new ModuleLoadException($"the module in '{record.Entry.Assembly}' has id '{loaded.Module.Id}', but modules.config lists it as '{record.Entry.Id}'");
                }

                record.Loaded = loaded;
                // The module's code is the one place that says what it needs; modules.config does not.
                record.DependsOn = (loaded.Module.DependsOn ?? []).Distinct(StringComparer.Ordinal).ToList();
                if (record.DependsOn.Contains(record.Entry.Id, StringComparer.Ordinal))
                {
                    throw new ModuleLoadException($"module '{record.Entry.Id}' depends on itself");
                }
                lock (_gate)
                {
                    _byAssembly[loaded.Assembly] = record;
                }
            }
            catch (Exception ex)
            {
                Fail(record, ex is ModuleLoadException ? ex.Message : $"threw while loading: {ex.Message}", ex);
            }
        }

        var resolution = ModuleDependencyResolver.Resolve(_records
            .Select(r => new ModuleDependencyResolver.Node(r.Entry.Id, r.DependsOn, r.Entry.Enabled, r.State == ModuleState.Failed ? r.Reason : null))
            .ToList());
        var position = resolution.Order.Select((id, index) => (id, index)).ToDictionary(p => p.id, p => p.index, StringComparer.Ordinal);
        _records.Sort((a, b) => position[a.Entry.Id].CompareTo(position[b.Entry.Id]));
        foreach (var (id, reason) in resolution.Failures)
        {
            var record = _records.First(r => r.Entry.Id == id);
            if (record.State != ModuleState.Failed)
            {
                Fail(record, reason, null);
            }
        }

        foreach (var record in _records.Where(r => r.State == ModuleState.Enabled))
        {
            var failedDependency = FailedDependency(record);
            if (failedDependency is not null)
            {
                Fail(record, $"depends on '{failedDependency}', which failed", null);
                continue;
            }

            var before = services.Count;
            try
            {
                record.Loaded!.Module.ConfigureServices(new ModuleServicesContext(record.Entry.Id, services, configuration, environment));
                record.Configured = true;
            }
            catch (Exception ex)
            {
                // Take back whatever the module registered before it threw.
                for (var i = services.Count - 1; i >= before; i--)
                {
                    services.RemoveAt(i);
                }

                Fail(record, $"threw while registering its services: {ex.Message}", ex);
            }
        }
    }

    /// <summary>Phase two: initialize each configured module in dependency order and let it map its endpoints.</summary>
    public async Task InitializeAsync(IServiceProvider services, IEndpointRouteBuilder endpoints, CancellationToken cancellationToken)
    {
        foreach (var record in _records.Where(r => r.State == ModuleState.Enabled && r.Configured))
        {
            var failedDependency = FailedDependency(record);
            if (failedDependency is not null)
            {
                Fail(record, $"depends on '{failedDependency}', which failed", null);
                continue;
            }

            var group = endpoints.MapGroup(string.Empty).WithMetadata(new ModuleEndpointMetadata(record.Entry.Id));
            using var scope = services.GetService<ILoggerFactory>()?.CreateLogger<ModuleRuntime>().BeginScope(ServiceProLogScope.For(record.Entry.Id));
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            try
            {
                await record.Loaded!.Module.InitializeAsync(new ModuleInitializationContext(record.Entry.Id, services, group), cancellationToken);
                record.StartDuration = System.Diagnostics.Stopwatch.GetElapsedTime(started);
                _logger.LogInformation("Module {ModuleId} {Version} started", record.Entry.Id, record.Loaded.Version);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                Fail(record, $"threw while initializing: {ex.Message}", ex);
            }
        }

        foreach (var record in _records.Where(r => r.State == ModuleState.Disabled))
        {
            _logger.LogInformation("Module {ModuleId} is disabled", record.Entry.Id);
        }
    }

    /// <summary>How long each module's start (phase two) took, for the modules that started.</summary>
    public IReadOnlyDictionary<string, TimeSpan> StartDurations
    {
        get
        {
            lock (_gate)
            {
                return _records.Where(r => r.StartDuration is not null).ToDictionary(r => r.Entry.Id, r => r.StartDuration!.Value);
            }
        }
    }

    /// <summary>The ids of enabled modules that depend on <paramref name="moduleId"/>.</summary>
    public IReadOnlyList<string> EnabledDependentsOf(string moduleId)
    {
        lock (_gate)
        {
            return _records.Where(r => r.State == ModuleState.Enabled && r.DependsOn.Contains(moduleId)).Select(r => r.Entry.Id).ToList();
        }
    }

    /// <summary>Applies an administrator's choice in memory; the caller has validated it and written the file.</summary>
    internal ModuleInfo Apply(string moduleId, bool enabled)
    {
        lock (_gate)
        {
            var record = _records.First(r => r.Entry.Id == moduleId);
            if (!enabled)
            {
                record.State = ModuleState.Disabled;
                record.Reason = null;
                record.RestartRequired = false;
            }
            else if (record.Configured && record.Initialized)
            {
                record.State = ModuleState.Enabled;
            }
            else
            {
                // Not loaded in this run: it starts with the next restart.
                record.RestartRequired = true;
            }

            return record.ToInfo();
        }
    }

    internal void MarkInitialized()
    {
        lock (_gate)
        {
            foreach (var record in _records.Where(r => r.State == ModuleState.Enabled))
            {
                record.Initialized = true;
            }
        }
    }

    private string? FailedDependency(ModuleRecord record) =>
        record.DependsOn.FirstOrDefault(d => _records.FirstOrDefault(r => r.Entry.Id == d)?.State != ModuleState.Enabled);

    private void Fail(ModuleRecord record, string reason, Exception? exception)
    {
        lock (_gate)
        {
            record.State = ModuleState.Failed;
            record.Reason = reason;
        }

        _logger.LogError(exception, "Module {ModuleId} failed: {Reason}", record.Entry.Id, reason);
    }

    private sealed class ModuleRecord(ModuleCatalogEntry entry)
    {
        public ModuleCatalogEntry Entry { get; } = entry;

        public LoadedModule? Loaded { get; set; }

        /// <summary>What the module's code declares; unknown (empty) for a module not loaded in this run.</summary>
        public IReadOnlyList<string> DependsOn { get; set; } = [];

        public ModuleState State { get; set; } = ModuleState.Enabled;

        public string? Reason { get; set; }

        public bool Configured { get; set; }

        public bool Initialized { get; set; }

        public bool RestartRequired { get; set; }

        public TimeSpan? StartDuration { get; set; }

        public ModuleInfo ToInfo() => new(
            Entry.Id,
            Loaded?.Module.Title ?? Entry.Id,
            Loaded?.Version ?? string.Empty,
            State,
            State == ModuleState.Failed ? Reason : null,
            DependsOn,
            RestartRequired);
    }
}
