using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ServicePro.Modules.Requests.Data;

/// <summary>Stores times as UTC and marks what it reads as UTC.</summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Local ? v.ToUniversalTime() : v,
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
