using ServicePro.Modules.Chat.Data;
using ServicePro.Modules.Chat.Services;

namespace ServicePro.Modules.Chat.Tests.Services;

[TestClass]
public sealed class TranscriptBuilderTests
{
    private static readonly Guid Session = Guid.NewGuid();

    [TestMethod]
    public void Build_EveryKindOfEntry_TheEndedEventAndTheClientsReadTheSameKind()
    {
        // The wire's TranscriptLineKind and Contracts' are two enums: the ended event's transcript converts by value.
        var kinds = Enum.GetValues<TranscriptLineKind>();
        var entries = kinds.Select((kind, i) => Entry(i + 1, kind)).ToList();

        var forEvent = TranscriptBuilder.Build(entries);
        var forClients = TranscriptBuilder.BuildForClients(entries);

        CollectionAssert.AreEqual(kinds.Select(k => k.ToString()).ToArray(), forEvent.Select(l => l.Kind.ToString()).ToArray());
        CollectionAssert.AreEqual(kinds, forClients.Select(l => l.Kind).ToArray());
        CollectionAssert.AreEquivalent(Enum.GetNames<TranscriptLineKind>(), Enum.GetNames<Contracts.Chat.TranscriptLineKind>(), "one member per kind on both sides");
    }

    [TestMethod]
    public void Build_OffTheRecordMessage_LeftOutOfBoth()
    {
        var entries = new[] { Entry(2, TranscriptLineKind.Message, "Только для тебя 🤫", "bob"), Entry(1, TranscriptLineKind.Message, "Для всех, 大家好") };

        Assert.AreEqual("Для всех, 大家好", TranscriptBuilder.Build(entries).Single().Text);
        Assert.AreEqual("Для всех, 大家好", TranscriptBuilder.BuildForClients(entries).Single().Text);
    }

    private static ChatEntryRecord Entry(long sequence, TranscriptLineKind kind, string text = "", string? offTheRecordWith = null) => new()
    {
        SessionId = Session,
        Sequence = sequence,
        Kind = kind,
        Author = "alice",
        Text = text,
        Time = DateTimeOffset.UnixEpoch.AddMinutes(sequence),
        OffTheRecordWith = offTheRecordWith,
    };
}
