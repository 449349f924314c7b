using System.Security.Claims;
using ServicePro.Host.Identity;

namespace ServicePro.Host.ViewModels;

/// <summary>Admin → Users' CSV import: read a file, preview every line with its error, then create the good ones.</summary>
public sealed class UsersImportViewModel(IServiceScopeFactory scopes)
{
    public ClaimsPrincipal User { get; set; } = new();

    public bool Open { get; private set; }

    public IReadOnlyList<ImportLine> Lines { get; private set; } = [];

    public string? FileError { get; private set; }

    public bool Imported { get; private set; }

    public int Creatable => Imported ? 0 : Lines.Count(l => l.Error is null);

    public void Start()
    {
        Open = true;
        Reset();
    }

    public void Close()
    {
        Open = false;
        Reset();
    }

    public async Task PreviewAsync(string text)
    {
        Reset();
        var (lines, fileError) = CsvUserImport.Parse(text);
        FileError = fileError;
        await using var scope = scopes.CreateAsyncScope();
        Lines = await scope.ServiceProvider.GetRequiredService<UserImport>().CheckAsync(lines);
    }

    public void Fail(string error)
    {
        Reset();
        FileError = error;
    }

    /// <summary>Creates each line without an error (each checked again, and audited, as if typed in the form).</summary>
    public async Task ConfirmAsync()
    {
        var done = new List<ImportLine>(Lines.Count);
        foreach (var line in Lines)
        {
            if (line.Error is not null)
            {
                done.Add(line);
                continue;
            }

            await using var scope = scopes.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<UserAdministration>().CreateAsync(User, line.User);
            done.Add(line with { Outcome = result.Succeeded ? "Created" : result.Error });
        }

        Lines = done;
        Imported = true;
    }

    private void Reset()
    {
        Lines = [];
        FileError = null;
        Imported = false;
    }
}
