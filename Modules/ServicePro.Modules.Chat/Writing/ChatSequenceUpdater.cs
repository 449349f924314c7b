using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using ServicePro.Modules.Chat.Data;
using ServicePro.Modules.Chat.Domain;

namespace ServicePro.Modules.Chat.Writing;

/// <summary>
/// Saves the sessions' new sequence numbers of a fast SQLite batch with one prepared UPDATE per session, checked as EF
/// checks its concurrency token (<c>WHERE LastSequence = </c> the number read), instead of through EF's update pipeline:
/// once the entries were inserted by <see cref="ChatEntryInserter"/>, the sequence was the one statement of a batch of
/// messages that EF still built, and at 250 msgs/s, where every message is a batch of its own, its <c>SaveChanges</c>
/// was a third of the writer's CPU (profile notes, session 32). The table, the columns and their type mappings come from
/// the context's EF model, as the inserter's do. A session whose sequence moved on since it was read (another writer on
/// the same file) fails the batch with <see cref="DbUpdateConcurrencyException"/>, as EF's update would: it is rolled back
/// and re-run carefully. What else a write changed in a session is left to <c>SaveChanges</c>, which then finds the
/// sequence saved.
/// </summary>
internal static class ChatSequenceUpdater
{
    private static readonly ConditionalWeakTable<IModel, Statement> Statements = [];

    /// <summary>Saves the moved-on sequence of each of <paramref name="sessions"/> in the context's current transaction.</summary>
    public static async Task SaveAsync(DbContext db, IEnumerable<ChatSession> sessions, CancellationToken cancellationToken)
    {
        Statement? statement = null;
        DbCommand? command = null;
        try
        {
            foreach (var session in sessions)
            {
                var sequence = db.Entry(session.Record).Property(r => r.LastSequence);
                if (!sequence.IsModified)
                {
                    continue;
                }

                // Looked up and prepared once per batch, on its first session whose sequence moved on.
                statement ??= Statements.GetValue(db.Model, _ => Statement.Build(db));
                command ??= ChatModelTable.Command(db, statement.Sql);
                statement.Bind(command, session.Record.Id, sequence.CurrentValue, sequence.OriginalValue);
                if (await command.ExecuteNonQueryAsync(cancellationToken) != 1)
                {
                    throw new DbUpdateConcurrencyException($"Chat session {session.Record.Id}'s sequence moved on since this batch read it: another writer changed the session.");
                }

                // Saved: the row now holds the current value, so SaveChanges has nothing left to do for it.
                sequence.OriginalValue = sequence.CurrentValue;
                sequence.IsModified = false;
            }
        }
        finally
        {
            if (command is not null)
            {
                await command.DisposeAsync();
            }
        }
    }

    /// <summary>The UPDATE of one session's sequence and how to bind its values, from the model.</summary>
    private sealed class Statement
    {
        private readonly string _id;
        private readonly string _next;
        private readonly string _read;
        private readonly RelationalTypeMapping _idMapping;
        private readonly RelationalTypeMapping _sequenceMapping;

        private Statement(string sql, (string Id, string Next, string Read) names, RelationalTypeMapping idMapping, RelationalTypeMapping sequenceMapping)
        {
            Sql = sql;
            (_id, _next, _read) = names;
            _idMapping = idMapping;
            _sequenceMapping = sequenceMapping;
        }

        public string Sql { get; }

        public static Statement Build(DbContext db)
        {
            var table = ChatModelTable.Of<ChatSessionRecord>(db);
            var id = table.Entity.FindPrimaryKey()!.Properties.Single();
            var sequence = table.Entity.FindProperty(nameof(ChatSessionRecord.LastSequence))!;
            var (idName, nextName, readName) = (table.Sql.GenerateParameterName("id"), table.Sql.GenerateParameterName("next"), table.Sql.GenerateParameterName("read"));
            return new Statement(
                $"UPDATE {table.Name} SET {table.Column(sequence)} = {nextName} WHERE {table.Column(id)} = {idName} AND {table.Column(sequence)} = {readName}",
                (idName, nextName, readName),
                (RelationalTypeMapping)id.GetTypeMapping(),
                (RelationalTypeMapping)sequence.GetTypeMapping());
        }

        /// <summary>Binds the session's id, its new sequence and the one read, as EF would (each through its type mapping).</summary>
        public void Bind(DbCommand command, Guid id, long next, long read)
        {
            command.Parameters.Clear();
            command.Parameters.Add(_idMapping.CreateParameter(command, _id, id, nullable: false));
            command.Parameters.Add(_sequenceMapping.CreateParameter(command, _next, next, nullable: false));
            command.Parameters.Add(_sequenceMapping.CreateParameter(command, _read, read, nullable: false));
        }
    }
}
