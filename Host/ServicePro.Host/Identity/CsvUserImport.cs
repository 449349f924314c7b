using CsvHelper;
using ServicePro.Contracts.Security;

namespace ServicePro.Host.Identity;

/// <summary>
/// Reads a team from a CSV file with a header row. Columns (any order, any case): <c>userName</c> (required),
/// <c>displayName</c>, <c>email</c> (required), <c>roles</c> (<c>Rep</c>, <c>Privileged</c>, <c>Administrator</c>
/// separated by <c>;</c>; empty: Rep) and <c>password</c> (required: a temporary one, changed at the first sign-in).
/// </summary>
public static class CsvUserImport
{
    public const int MaxLines = 1000;
    public const long MaxFileSize = 1024 * 1024;
    public static readonly IReadOnlyList<string> Columns = ["userName", "displayName", "email", "roles", "password"];

    /// <returns>The lines with what is wrong with each as far as the file alone tells; or one error for the whole file.</returns>
    public static (IReadOnlyList<ImportLine> Lines, string? FileError) Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            using var reader = CsvReader.FromText(text, new CsvReaderOptions { TrimWhitespace = true, TrackLineNumbers = true });
            var headers = reader.Headers.Select(h => h.Trim()).ToList();
            var index = Columns.ToDictionary(c => c, c => headers.FindIndex(h => string.Equals(h, c, StringComparison.OrdinalIgnoreCase)), StringComparer.Ordinal);
            if (index["userName"] < 0 || index["email"] < 0 || index["password"] < 0)
            {
                return ([], $"The first line must name the columns: {string.Join(",", Columns)} (userName, email and password are required).");
            }

            var lines = new List<ImportLine>();
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            while (reader.Read())
            {
                if (lines.Count == MaxLines)
                {
                    return ([], $"A file may hold at most {MaxLines} users.");
                }

                string Field(string column) => index[column] is var i && i >= 0 && i < reader.FieldCount ? reader.GetString(i).Trim() : string.Empty;
                var (roles, roleError) = Roles(Field("roles"));
                var user = new NewUser
                {
                    UserName = Field("userName"),
                    DisplayName = Field("displayName"),
                    Email = Field("email"),
                    Password = Field("password"),
                    Rep = roles.Contains(ServiceProRoles.Rep),
                    Privileged = roles.Contains(ServiceProRoles.Privileged),
                    Administrator = roles.Contains(ServiceProRoles.Administrator),
                };
                var error = roleError
                    ?? (string.IsNullOrEmpty(user.Password) ? "Enter a temporary password." : null)
                    ?? UserAdministration.Validate(user)
                    ?? (seen.Add(user.UserName) ? null : $"“{user.UserName}” is in the file twice.");
                lines.Add(new ImportLine((int)reader.LineNumber, user, error));
            }

            return (lines, lines.Count == 0 ? "The file holds no users." : null);
        }
        catch (Exception ex) when (ex is CsvFormatException or FormatException)
        {
            return ([], $"The file is not CSV: {ex.Message}");
        }
    }

    private static (IReadOnlyList<string> Roles, string? Error) Roles(string field)
    {
        var names = field.Split([';', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (names.Length == 0)
        {
            return ([ServiceProRoles.Rep], null);
        }

        var unknown = names.FirstOrDefault(n => !UserRoles.All.Contains(n, StringComparer.OrdinalIgnoreCase));
        return unknown is not null
            ? ([], $"Unknown role “{unknown}”: use Rep, Privileged or Administrator, separated by ;.")
            : ([.. UserRoles.All.Where(r => names.Contains(r, StringComparer.OrdinalIgnoreCase))], null);
    }
}
