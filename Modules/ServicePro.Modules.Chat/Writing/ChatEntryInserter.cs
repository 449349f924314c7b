using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using ServicePro.Modules.Chat.Data;

namespace ServicePro.Modules.Chat.Writing;

/// <summary>
/// Stores the new dialog entries of a fast batch's messages (SQLite) with one prepared INSERT, run once per entry in the
/// batch's transaction, instead of through EF's change tracker: for a full batch of 500 messages, EF's command building
/// (one SQL text of hundreds of statements, parsed again by SQLite for every batch) and its tracking cost about a third of
/// the writer's thread (measured: bench/ServicePro.Bench.Writer). The table, the columns, their types and their value
/// conversions are read from the context's EF model and bound with EF's own type mappings, so a row is stored exactly as
/// <c>SaveChanges</c> would store it; a model whose entries get a value from the database cannot be written so and is
/// refused when the statement is built.
/// The writer flushes the entries before anything else is saved (the sessions' new sequence numbers, a write saved
/// alone), so the batch's statements run in the order they were made. A failure (a sequence number taken, a resend of a
/// stored message) fails the batch as EF's would: it is rolled back and re-run carefully, through EF.
/// </summary>
internal sealed class ChatEntryInserter
{
    private static readonly ConditionalWeakTable<IModel, Statement> Statements = [];

    private readonly List<ChatEntryRecord> _pending = [];

    /// <summary>Entries waiting for <see cref="FlushAsync"/>.</summary>
    public int Count => _pending.Count;

    public void Add(ChatEntryRecord entry) => _pending.Add(entry);

    public void Clear() => _pending.Clear();

    /// <summary>Inserts the waiting entries in the context's current transaction, in the order they were added.</summary>
    public async Task FlushAsync(DbContext db, CancellationToken cancellationToken)
    {
        if (_pending.Count == 0)
        {
            return;
        }

        var statement = Statements.GetValue(db.Model, _ => Statement.Build(db));
        await using var command = ChatModelTable.Command(db, statement.Sql);
        foreach (var entry in _pending)
        {
            statement.Bind(command, entry);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        _pending.Clear();
    }

    /// <summary>The INSERT of one entry and how to bind its values, from the model.</summary>
    private sealed class Statement
    {
        private readonly (string Parameter, IProperty Property, IClrPropertyGetter Getter, RelationalTypeMapping Mapping)[] _columns;

        private Statement(string sql, (string, IProperty, IClrPropertyGetter, RelationalTypeMapping)[] columns)
        {
            Sql = sql;
            _columns = columns;
        }

        public string Sql { get; }

        public static Statement Build(DbContext db)
        {
            var table = ChatModelTable.Of<ChatEntryRecord>(db);
            var columns = new List<(string, IProperty, IClrPropertyGetter, RelationalTypeMapping)>();
            foreach (var property in table.Entity.GetProperties())
            {
                if (property.ValueGenerated != ValueGenerated.Never)
                {
                    throw new InvalidOperationException($"{nameof(ChatEntryRecord)}.{property.Name} gets its value from the database; entries must be saved through EF.");
                }

                columns.Add((table.Sql.GenerateParameterName($"p{columns.Count}"), property, property.GetGetter(), (RelationalTypeMapping)property.GetTypeMapping()));
            }

            var names = string.Join(", ", columns.Select(c => table.Column(c.Item2)));
            var values = string.Join(", ", columns.Select(c => c.Item1));
            return new Statement($"INSERT INTO {table.Name} ({names}) VALUES ({values})", [.. columns]);
        }

        /// <summary>Binds an entry's values as EF would (its type mapping converts and types each one).</summary>
        public void Bind(DbCommand command, ChatEntryRecord entry)
        {
            command.Parameters.Clear();
            foreach (var (parameter, property, getter, mapping) in _columns)
            {
                command.Parameters.Add(mapping.CreateParameter(command, parameter, getter.GetClrValueUsingContainingEntity(entry), property.IsNullable));
            }
        }
    }
}
