using System.Text.Json;
using System.Text.Json.Serialization;
using ServicePro.Contracts.Chat;

namespace ServicePro.Modules.Requests.Services;

/// <summary>How a chat's participants and transcript are kept in their columns.</summary>
public static class ChatJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Write(IReadOnlyList<string> participants) => JsonSerializer.Serialize(participants, Options);

    public static string Write(IReadOnlyList<TranscriptLine> transcript) => JsonSerializer.Serialize(transcript, Options);

    public static IReadOnlyList<string> ReadParticipants(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<List<string>>(json, Options) ?? [];

    public static IReadOnlyList<TranscriptLine> ReadTranscript(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<List<TranscriptLine>>(json, Options) ?? [];
}
