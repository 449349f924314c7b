using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ServicePro.Modules.Chat.Data;

/// <summary>Writes a time as the same instant in UTC (PostgreSQL's timestamptz takes no other offset).</summary>
public sealed class UtcDateTimeOffsetConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(
    v => v.ToUniversalTime(),
    v => v);
