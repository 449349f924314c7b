using Microsoft.EntityFrameworkCore;

namespace ServicePro.Modules.Chat.Data;

/// <summary>Chat on PostgreSQL; its migrations are in <c>Data/Migrations/PostgreSql</c>.</summary>
public sealed class PostgreSqlChatDbContext(DbContextOptions<PostgreSqlChatDbContext> options) : ChatDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // timestamptz takes only UTC offsets (Npgsql refuses any other): write every time as UTC, whoever made it.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcDateTimeOffsetConverter>();
    }
}
