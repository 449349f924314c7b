using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ServicePro.Modules.Requests.Data;

/// <summary>
/// Stores times as UTC and marks what it reads as UTC. A time of unspecified kind is taken as UTC, as SQLite and SQL
/// Server store it; PostgreSQL's timestamptz refuses anything not marked UTC.
/// </summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Local ? v.ToUniversalTime() : DateTime.SpecifyKind(v, DateTimeKind.Utc),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
