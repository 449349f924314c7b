using ServicePro.Contracts.Extensibility;
using ServicePro.Contracts.Modules;

namespace Company.Module1;

/// <summary>
/// The module. The host creates it, calls <see cref="ConfigureServices"/> on every module, then
/// <see cref="InitializeAsync"/> on every module, in dependency order.
/// </summary>
public sealed class Module1Module : IServiceProModule
{
    public string Id => Module1Constants.ModuleId;

    public string Title => Module1Constants.Title;

    /// <summary>Ids of modules this one needs (e.g. <c>["requests"]</c>); the host starts them first.</summary>
    public IReadOnlyCollection<string> DependsOn => [];

    public void ConfigureServices(ModuleServicesContext context)
    {
        context.Services.AddMenuContributor<Module1SocialMenuItems>();
        context.Services.AddWorkbenchTile<Module1Tile>(Module1Constants.ModuleId, Module1Constants.Title, 100);
    }

    /// <summary>Map endpoints on <c>context.Endpoints</c>, migrate a database… here, after every module is configured.</summary>
    public Task InitializeAsync(ModuleInitializationContext context, CancellationToken cancellationToken) => Task.CompletedTask;
}
