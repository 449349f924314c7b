namespace ServicePro.Host.Identity;

/// <summary>One line of an imported CSV file: the user it describes, and what is wrong with it (nothing: it can be created).</summary>
/// <param name="Line">The line number in the file (the header is line 1).</param>
/// <param name="User">The user as read.</param>
/// <param name="Error">Why the line cannot be created, or <c>null</c>.</param>
public sealed record ImportLine(int Line, NewUser User, string? Error)
{
    /// <summary>Once the administrator confirmed: created, or why not.</summary>
    public string? Outcome { get; init; }
}
