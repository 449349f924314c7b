using ServicePro.Contracts.Data;

namespace ServicePro.Host.Data;

/// <summary>The <c>Database</c> configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary><c>Sqlite</c> (default), <c>SqlServer</c> or <c>PostgreSql</c>.</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>
    /// The connection string. For SQLite it may be left empty: the file <c>servicepro.db</c> in
    /// <see cref="DataFolder"/> is used.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>The host's data folder, relative to the content root unless absolute; created on first run.</summary>
    public string DataFolder { get; set; } = "App_Data";

    /// <summary>
    /// Apply EF migrations at start-up; on by default for the embedded SQLite set-up. SQL Server and PostgreSQL default
    /// to off: apply the idempotent scripts in the deployment (docs/deployment.md, Databases), or set it to true.
    /// </summary>
    public bool? MigrateAtStartup { get; set; }

    /// <summary>Seed the demo accounts into an empty database.</summary>
    public bool SeedDemoData { get; set; } = true;

    /// <summary>The demo accounts' password.</summary>
    public string DemoPassword { get; set; } = "Demo#2026";
}
