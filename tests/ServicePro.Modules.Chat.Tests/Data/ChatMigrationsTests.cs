using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using ServicePro.Modules.Chat.Data;

namespace ServicePro.Modules.Chat.Tests.Data;

/// <summary>Each provider's migrations are where the model is: a model change without its migration fails here, with no server.</summary>
[TestClass]
public sealed class ChatMigrationsTests
{
    [TestMethod]
    public void Migrations_EveryProvider_ExistAndMatchTheModel()
    {
        using var sqlite = new SqliteChatDesignTimeFactory().CreateDbContext([]);
        using var sqlServer = new SqlServerChatDesignTimeFactory().CreateDbContext([]);
        using var postgreSql = new PostgreSqlChatDesignTimeFactory().CreateDbContext([]);

        foreach (ChatDbContext context in new ChatDbContext[] { sqlite, sqlServer, postgreSql })
        {
            Assert.IsNotEmpty(context.Database.GetMigrations(), context.GetType().Name);
            Assert.IsFalse(context.Database.HasPendingModelChanges(), $"{context.GetType().Name} has model changes without a migration: add one");
        }
    }

    [TestMethod]
    public void PostgreSql_Times_TimestamptzAndInterval()
    {
        using var postgreSql = new PostgreSqlChatDesignTimeFactory().CreateDbContext([]);

        var script = postgreSql.Database.GenerateCreateScript();

        StringAssert.Contains(script, "\"StartedAt\" timestamp with time zone NOT NULL");
        StringAssert.Contains(script, "\"ClockOffset\" interval NOT NULL");
        StringAssert.Contains(script, "CREATE UNIQUE INDEX \"IX_ChatEntries_ClientMessageId_SessionId_Author\" ON \"ChatEntries\" (\"ClientMessageId\", \"SessionId\", \"Author\")");
    }

    [TestMethod]
    public void MigrationScripts_EveryProvider_RecordedInTheModulesOwnHistoryTable()
    {
        using var sqlite = new SqliteChatDesignTimeFactory().CreateDbContext([]);
        using var sqlServer = new SqlServerChatDesignTimeFactory().CreateDbContext([]);
        using var postgreSql = new PostgreSqlChatDesignTimeFactory().CreateDbContext([]);

        // The deployment's scripts must record what they apply where the host looks, or a later start migrates again.
        foreach (ChatDbContext context in new ChatDbContext[] { sqlite, sqlServer, postgreSql })
        {
            var script = context.GetService<IMigrator>().GenerateScript();
            StringAssert.Contains(script, "__EFMigrationsHistory_ServicePro.Modules.Chat", context.GetType().Name);
        }
    }

    [TestMethod]
    public void PostgreSql_TimeWithAnOffset_WrittenAsTheSameInstantInUtc()
    {
        using var postgreSql = new PostgreSqlChatDesignTimeFactory().CreateDbContext([]);
        var moscow = new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.FromHours(3));

        var converter = postgreSql.Model.FindEntityType(typeof(ChatSessionRecord))!.FindProperty(nameof(ChatSessionRecord.StartedAt))!.GetValueConverter()!;
        var stored = (DateTimeOffset)converter.ConvertToProvider(moscow)!;

        Assert.AreEqual(TimeSpan.Zero, stored.Offset, "timestamptz takes UTC only");
        Assert.AreEqual(moscow, stored);
    }
}
