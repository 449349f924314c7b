using Microsoft.Extensions.Logging;

namespace ServicePro.Modules.Chat.Tests.Support;

public sealed record LoggedEntry(LogLevel Level, EventId EventId, string Message, Exception? Exception);
