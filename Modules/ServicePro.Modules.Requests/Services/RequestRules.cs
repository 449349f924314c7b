using System.Globalization;

namespace ServicePro.Modules.Requests.Services;

/// <summary>What a request may hold and which status changes make sense. Each check returns the rep's message, or <c>null</c>.</summary>
public static class RequestRules
{
    public static string? CheckTitle(string? title)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            return "Enter a title.";
        }

        return title.Trim().Length > RequestsConstants.TitleMaxLength
            ? Format($"The title is too long: {title.Trim().Length} characters, at most {RequestsConstants.TitleMaxLength}.")
            : null;
    }

    public static string? CheckDescription(string? description) =>
        description is not null && description.Length > RequestsConstants.DescriptionMaxLength
            ? Format($"The description is too long: {description.Length} characters, at most {RequestsConstants.DescriptionMaxLength}.")
            : null;

    public static string? CheckRequester(string? requester) =>
        requester is not null && requester.Trim().Length > RequestsConstants.RequesterMaxLength
            ? Format($"The requester is too long: {requester.Trim().Length} characters, at most {RequestsConstants.RequesterMaxLength}.")
            : null;

    public static string? CheckNote(string? note)
    {
        if (string.IsNullOrWhiteSpace(note))
        {
            return "Write a note first.";
        }

        return note.Length > RequestsConstants.NoteMaxLength
            ? Format($"The note is too long: {note.Length} characters, at most {RequestsConstants.NoteMaxLength}.")
            : null;
    }

    /// <summary>
    /// Open statuses move freely among themselves and to Closed. A closed request is reopened only to New, and only by
    /// a <c>Privileged</c> rep; closed to anything else makes no sense.
    /// </summary>
    public static string? CheckStatusChange(RequestStatus from, RequestStatus to, bool privileged)
    {
        if (!Enum.IsDefined(to))
        {
            return "That is not a status.";
        }

        if (from == to)
        {
            return $"The request is already {StatusNames.Display(to)}.";
        }

        if (from != RequestStatus.Closed)
        {
            return null;
        }

        if (to != RequestStatus.New)
        {
            return $"A closed request cannot become {StatusNames.Display(to)}; it can only be reopened as New.";
        }

        return privileged ? null : "Only a Privileged rep may reopen a closed request.";
    }

    private static string Format(FormattableString message) => message.ToString(CultureInfo.InvariantCulture);
}
