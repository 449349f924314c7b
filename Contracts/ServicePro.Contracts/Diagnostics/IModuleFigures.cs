namespace ServicePro.Contracts.Diagnostics;

/// <summary>
/// A module's live figures for Admin → Modules. Register one per module with
/// <see cref="ModuleFiguresServiceCollectionExtensions.AddModuleFigures{TFigures}"/>; the host asks it while the page is
/// open and the module is enabled. A module without one shows no figures.
/// </summary>
public interface IModuleFigures
{
    /// <summary>The id of the module these figures belong to.</summary>
    string ModuleId { get; }

    /// <summary>Reads the figures now (cheap queries only: the page asks every few seconds).</summary>
    /// <param name="cancellationToken">Cancelled when the page closes.</param>
    /// <returns>The figures in the order to show them.</returns>
    Task<IReadOnlyList<ModuleFigure>> GetFiguresAsync(CancellationToken cancellationToken);
}
