namespace ServicePro.Contracts.Data;

/// <summary>
/// Where a module's applied migrations are recorded: a table of its own per migrations assembly, so that modules never
/// see each other's migrations. The host uses it at run time; a module's design-time factory uses it too, so that the
/// scripts of <c>dotnet ef migrations script</c> record what they apply where the host looks.
/// </summary>
public static class ModuleMigrationsHistory
{
    /// <summary>The history table of <paramref name="migrationsAssembly"/>: <c>__EFMigrationsHistory_{assembly}</c>.</summary>
    /// <param name="migrationsAssembly">The simple name of the assembly holding the migrations.</param>
    /// <returns>The table name.</returns>
    public static string TableName(string migrationsAssembly) => $"__EFMigrationsHistory_{migrationsAssembly}";
}
