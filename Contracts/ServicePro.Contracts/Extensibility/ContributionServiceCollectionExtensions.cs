using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ServicePro.Contracts.Events;

namespace ServicePro.Contracts.Extensibility;

/// <summary>
/// The <c>Add&lt;Kind&gt;&lt;T&gt;()</c> helpers a module calls in <see cref="Modules.IServiceProModule.ConfigureServices"/>
/// to fill the shell's extension points. A contribution belongs to the module whose assembly defines its type.
/// </summary>
public static class ContributionServiceCollectionExtensions
{
    /// <summary>Adds a contributor to the shell's menus (navigation, Social).</summary>
    /// <typeparam name="TContributor">The contributor; resolved in the rep's session scope.</typeparam>
    /// <param name="services">The service collection.</param>
    /// <returns>The same service collection.</returns>
    public static IServiceCollection AddMenuContributor<TContributor>(this IServiceCollection services)
        where TContributor : class, IMenuContributor
    {
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IMenuContributor, TContributor>());
        return services;
    }

    /// <summary>Adds a tile to the Workbench.</summary>
    /// <typeparam name="TComponent">The component rendered inside the tile.</typeparam>
    /// <param name="services">The service collection.</param>
    /// <param name="id">The tile id, by convention the module id.</param>
    /// <param name="title">The tile's heading.</param>
    /// <param name="order">Position among the tiles (ascending).</param>
    /// <returns>The same service collection.</returns>
    public static IServiceCollection AddWorkbenchTile<TComponent>(this IServiceCollection services, string id, string title, int order)
        where TComponent : IComponent
    {
        services.AddSingleton(new WorkbenchTile(id, title, typeof(TComponent), order));
        return services;
    }

    /// <summary>Adds a view to a named place of the shell.</summary>
    /// <typeparam name="TComponent">The component to render there.</typeparam>
    /// <param name="services">The service collection.</param>
    /// <param name="region">One of <see cref="ShellRegions"/>, or a region a module defines.</param>
    /// <param name="order">Position among the region's views (ascending).</param>
    /// <returns>The same service collection.</returns>
    public static IServiceCollection AddView<TComponent>(this IServiceCollection services, string region, int order = 0)
        where TComponent : IComponent
    {
        services.AddSingleton(new ViewContribution(region, typeof(TComponent), order));
        return services;
    }

    /// <summary>
    /// Adds a handler for an integration event published through <see cref="IIntegrationEventBus"/>; it runs for
    /// each event while the module is enabled, and its failure is the publisher's (who publishes again later).
    /// </summary>
    /// <typeparam name="TEvent">The event type.</typeparam>
    /// <typeparam name="THandler">The handler; resolved in a fresh scope for each event.</typeparam>
    /// <param name="services">The service collection.</param>
    /// <returns>The same service collection.</returns>
    public static IServiceCollection AddEventHandler<TEvent, THandler>(this IServiceCollection services)
        where THandler : class, IEventHandler<TEvent>
    {
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IEventHandler<TEvent>, THandler>());
        return services;
    }
}
