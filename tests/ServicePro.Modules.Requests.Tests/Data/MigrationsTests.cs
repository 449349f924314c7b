using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using ServicePro.Modules.Requests.Data;

namespace ServicePro.Modules.Requests.Tests.Data;

[TestClass]
public sealed class MigrationsTests
{
    [TestMethod]
    public void Migrations_EveryProvider_ExistAndMatchTheModel()
    {
        using var sqlite = new SqliteRequestsDesignTimeFactory().CreateDbContext([]);
        using var sqlServer = new SqlServerRequestsDesignTimeFactory().CreateDbContext([]);
        using var postgreSql = new PostgreSqlRequestsDesignTimeFactory().CreateDbContext([]);

        Assert.IsNotEmpty(sqlite.Database.GetMigrations());
        Assert.IsNotEmpty(sqlServer.Database.GetMigrations());
        Assert.IsNotEmpty(postgreSql.Database.GetMigrations());
        Assert.IsFalse(sqlite.Database.HasPendingModelChanges(), "SQLite migrations are behind the model: add one");
        Assert.IsFalse(sqlServer.Database.HasPendingModelChanges(), "SQL Server migrations are behind the model: add one");
        Assert.IsFalse(postgreSql.Database.HasPendingModelChanges(), "PostgreSQL migrations are behind the model: add one");
        foreach (RequestsDbContext context in new RequestsDbContext[] { sqlite, sqlServer, postgreSql })
        {
            // The deployment's scripts record what they apply where the host looks, or a later start migrates again.
            StringAssert.Contains(context.GetService<IMigrator>().GenerateScript(), "__EFMigrationsHistory_ServicePro.Modules.Requests", context.GetType().Name);
        }
    }

    [TestMethod]
    public void RequestNumber_StoreGenerated_AutoincrementOnSqliteIdentityOnSqlServer()
    {
        using var sqlite = new SqliteRequestsDesignTimeFactory().CreateDbContext([]);
        using var sqlServer = new SqlServerRequestsDesignTimeFactory().CreateDbContext([]);

        var sqliteSql = sqlite.Database.GenerateCreateScript();
        var sqlServerSql = sqlServer.Database.GenerateCreateScript();

        StringAssert.Contains(sqliteSql, "\"Number\" INTEGER NOT NULL CONSTRAINT \"PK_ServiceRequests\" PRIMARY KEY AUTOINCREMENT");
        StringAssert.Contains(sqlServerSql, "[Number] int NOT NULL IDENTITY");
        StringAssert.Contains(sqlServerSql, "CREATE UNIQUE INDEX [IX_RequestActivity_ChatSessionId] ON [RequestActivity] ([ChatSessionId]) WHERE [ChatSessionId] IS NOT NULL");
    }
}
