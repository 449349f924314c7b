using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ServicePro.Contracts.Diagnostics;

/// <summary>Registers a module's live figures for Admin → Modules.</summary>
public static class ModuleFiguresServiceCollectionExtensions
{
    /// <summary>Adds the module's <see cref="IModuleFigures"/> (a singleton).</summary>
    /// <typeparam name="TFigures">The module's figures.</typeparam>
    /// <param name="services">The service collection.</param>
    /// <returns>The same service collection.</returns>
    public static IServiceCollection AddModuleFigures<TFigures>(this IServiceCollection services)
        where TFigures : class, IModuleFigures
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IModuleFigures, TFigures>());
        return services;
    }
}
