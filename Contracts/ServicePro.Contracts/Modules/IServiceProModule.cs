namespace ServicePro.Contracts.Modules;

/// <summary>
/// A ServicePro module: a class library, built against Contracts only, that the host loads at start-up
/// from the assembly named in <c>modules.config</c>. The host creates one instance with a public
/// parameterless constructor and calls it in two phases: <see cref="ConfigureServices"/> for every module
/// first, then <see cref="InitializeAsync"/> for every module, in dependency order.
/// </summary>
public interface IServiceProModule
{
    /// <summary>The module id; it must equal the <c>id</c> of the module's line in <c>modules.config</c>.</summary>
    string Id { get; }

    /// <summary>A human-readable title, shown on Admin → Modules.</summary>
    string Title { get; }

    /// <summary>
    /// Ids of the modules this one needs. The host adds the ids listed in <c>modules.config</c>; a module whose
    /// dependency is missing, disabled or failed is marked Failed and is not started.
    /// </summary>
    IReadOnlyCollection<string> DependsOn { get; }

    /// <summary>
    /// Phase one: register services and contributions (tiles, menu contributors, views, event handlers).
    /// Called for every module before any module is initialized. Do no I/O here.
    /// </summary>
    /// <param name="context">The service collection and configuration of the host.</param>
    void ConfigureServices(ModuleServicesContext context);

    /// <summary>
    /// Phase two: the container is built; migrate the module's database, start what must run and map the
    /// module's endpoints on <see cref="ModuleInitializationContext.Endpoints"/>. Endpoints mapped there answer
    /// 404 while the module is disabled.
    /// </summary>
    /// <param name="context">The built services and the module's endpoint group.</param>
    /// <param name="cancellationToken">Cancelled when the host stops during start-up.</param>
    Task InitializeAsync(ModuleInitializationContext context, CancellationToken cancellationToken);
}
