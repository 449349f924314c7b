namespace ServicePro.Contracts.Data;

/// <summary>The database engines ServicePro runs on.</summary>
public enum DatabaseProvider
{
    /// <summary>An embedded SQLite file under the host's data folder (the default).</summary>
    Sqlite,

    /// <summary>Microsoft SQL Server (production).</summary>
    SqlServer,

    /// <summary>PostgreSQL (a server database, e.g. for several hosts behind a load balancer).</summary>
    PostgreSql,
}
