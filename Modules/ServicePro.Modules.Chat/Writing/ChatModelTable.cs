using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace ServicePro.Modules.Chat.Writing;

/// <summary>
/// An entity's table as the context's EF model maps it, for the writer's own prepared statements
/// (<see cref="ChatEntryInserter"/>, <see cref="ChatSequenceUpdater"/>): they name the tables and columns and bind the
/// values exactly as EF would.
/// </summary>
internal sealed record ChatModelTable(IEntityType Entity, StoreObjectIdentifier Table, ISqlGenerationHelper Sql)
{
    public static ChatModelTable Of<TEntity>(DbContext db)
    {
        var entity = db.Model.FindEntityType(typeof(TEntity))
            ?? throw new InvalidOperationException($"The model has no {typeof(TEntity).Name}.");
        return new(entity, StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema()), db.GetService<ISqlGenerationHelper>());
    }

    /// <summary>The table's name, delimited for the provider.</summary>
    public string Name => Sql.DelimitIdentifier(Table.Name, Table.Schema);

    /// <summary>A property's column name, delimited for the provider.</summary>
    public string Column(IProperty property) => Sql.DelimitIdentifier(property.GetColumnName(Table)!);

    /// <summary>A command of <paramref name="sql"/> on the context's connection, in its current transaction.</summary>
    public static DbCommand Command(DbContext db, string sql)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        return command;
    }
}
