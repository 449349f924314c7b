using ServicePro.Contracts.Diagnostics;
using ServicePro.Contracts.Modules;

namespace ServicePro.Host.Diagnostics;

/// <summary>Reads the live figures of every enabled module that has some (<see cref="IModuleFigures"/>), for Admin → Modules.</summary>
public sealed class ModuleFiguresReader(IEnumerable<IModuleFigures> figures, IModuleStatus status, ILogger<ModuleFiguresReader> logger)
{
    /// <returns>Figures by module id; a module without figures, disabled, or whose figures failed is absent.</returns>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<ModuleFigure>>> ReadAsync(CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, IReadOnlyList<ModuleFigure>>(StringComparer.Ordinal);
        foreach (var module in figures.Where(f => status.IsEnabled(f.ModuleId)))
        {
            try
            {
                result[module.ModuleId] = await module.GetFiguresAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // One module's figures failing (its database away) must not take the page or the others with it.
                logger.LogWarning(ex, "The live figures of module {ModuleId} could not be read", module.ModuleId);
            }
        }

        return result;
    }
}
