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
    /// Ids of the modules this one needs: the one place a dependency is stated (<c>modules.config</c> has no
    /// <c>dependsOn</c>). The host starts this module after them, marks it Failed with the reason and does not start
    /// it when one is not listed, disabled or failed, and refuses to disable one of them while this module is
    /// enabled. A needed module's services (such as <c>IRequestDirectory</c> from <c>"requests"</c>) may then be
    /// required, not looked up as optional.
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
