using System.Reflection;
using System.Reflection.Emit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using ServicePro.Contracts.Modules;
using ServicePro.Host.Modularity;

namespace ServicePro.Host.Tests.Support;

/// <summary>Modules made with Moq, each in an assembly of its own so that ownership by assembly can be tested.</summary>
public sealed class FakeModules
{
    private readonly Dictionary<string, (Mock<IServiceProModule> Module, Assembly Assembly, Type Marker)> _modules = [];

    /// <summary>What happened, in order: "configure:a", "initialize:a", …</summary>
    public List<string> Calls { get; } = [];

    public Mock<IModuleLoader> Loader { get; } = new(MockBehavior.Strict);

    public Mock<IServiceProModule> Add(string id, params string[] dependsOn)
    {
        var module = new Mock<IServiceProModule>();
        module.SetupGet(m => m.Id).Returns(id);
        module.SetupGet(m => m.Title).Returns($"Title of {id}");
        module.SetupGet(m => m.DependsOn).Returns(dependsOn);
        module.Setup(m => m.ConfigureServices(It.IsAny<ModuleServicesContext>()))
            .Callback<ModuleServicesContext>(c => Calls.Add($"configure:{c.ModuleId}"));
        module.Setup(m => m.InitializeAsync(It.IsAny<ModuleInitializationContext>(), It.IsAny<CancellationToken>()))
            .Callback<ModuleInitializationContext, CancellationToken>((c, _) => Calls.Add($"initialize:{c.ModuleId}"))
            .Returns(Task.CompletedTask);

        var builder = AssemblyBuilder.DefineDynamicAssembly(new AssemblyName($"FakeModule.{id}.{Guid.NewGuid():N}"), AssemblyBuilderAccess.Run);
        var marker = builder.DefineDynamicModule("main").DefineType($"Marker_{id.Replace('-', '_')}", TypeAttributes.Public).CreateType();
        var assembly = marker.Assembly;
        _modules[id] = (module, assembly, marker);
        Loader.Setup(l => l.Load(It.Is<ModuleCatalogEntry>(e => e.Id == id)))
            .Returns(() => new LoadedModule(module.Object, assembly, "1.2.3", null));
        return module;
    }

    /// <summary>A type that "lives" in the module's assembly, as a tile component or contributor would.</summary>
    public Type TypeOf(string id) => _modules[id].Marker;

    /// <summary>Runs both phases over the catalog with these fakes, as the host's start-up does.</summary>
    public async Task<ModuleRuntime> StartAsync(ModuleCatalog catalog, IServiceCollection? services = null)
    {
        var runtime = new ModuleRuntime(catalog, NullLogger.Instance);
        runtime.LoadAndConfigure(Loader.Object, services ?? new ServiceCollection(), new ConfigurationBuilder().Build(), new TestHostEnvironment());
        var app = WebApplication.CreateBuilder().Build();
        await runtime.InitializeAsync(app.Services, app, CancellationToken.None);
        runtime.MarkInitialized();
        return runtime;
    }

    public static ModuleCatalog Catalog(params (string Id, bool Enabled)[] entries) =>
        new("/tmp/modules.config", entries.Select((e, i) => new ModuleCatalogEntry(e.Id, $"Assembly.{e.Id}", e.Enabled, i + 3)).ToList());
}
