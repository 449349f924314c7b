using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using ServicePro.Contracts.Events;
using ServicePro.Contracts.Security;
using ServicePro.Contracts.Users;
using ServicePro.Modules.Requests.Data;
using Kinds = ServicePro.Modules.Requests.RequestsConstants.ActivityKinds;
using ServicePro.Modules.Requests.Diagnostics;

namespace ServicePro.Modules.Requests.Services;

/// <inheritdoc cref="IRequestService"/>
public sealed class RequestService(
    IDbContextFactory<RequestsDbContext> contexts,
    IUserDirectory users,
    IEventAggregator events,
    TimeProvider time,
    ILogger<RequestService> logger,
    RequestsMetrics? metrics = null) : IRequestService
{
    private const string NotSignedIn = "Sign in first.";

    public async Task<PagedRequests> ListAsync(RequestQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var pageSize = Math.Clamp(query.PageSize, 1, RequestsConstants.MaxPageSize);
        var pageIndex = Math.Max(0, query.PageIndex);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var requests = Filter(db.Requests.AsNoTracking(), query);

        var total = await requests.CountAsync(cancellationToken);
        if (pageIndex * pageSize >= total && total > 0)
        {
            // A page past the end (the list shrank): show the last one.
            pageIndex = (total - 1) / pageSize;
        }

        var items = await requests
            .OrderByDescending(r => r.Number)
            .Skip(pageIndex * pageSize)
            .Take(pageSize)
            .Select(r => new RequestSummary(r.Number, r.Title, r.Requester, r.Status, r.AssignedTo, r.UpdatedAt))
            .ToListAsync(cancellationToken);
        return new PagedRequests(items, total, pageIndex, pageSize);
    }

    public async Task<RequestTileSummary> GetTileSummaryAsync(ClaimsPrincipal rep, CancellationToken cancellationToken)
    {
        var name = ActorName(rep);
        if (name is null)
        {
            return new RequestTileSummary([], new Dictionary<RequestStatus, int>());
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var counts = await db.Requests.AsNoTracking()
            .Where(r => r.AssignedTo == name)
            .GroupBy(r => r.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Status, g => g.Count, cancellationToken);
        var open = await db.Requests.AsNoTracking()
            .Where(r => r.AssignedTo == name && (r.Status == RequestStatus.New || r.Status == RequestStatus.InProgress))
            .OrderByDescending(r => r.Number)
            .Take(RequestsConstants.TileRequestCount)
            .Select(r => new RequestSummary(r.Number, r.Title, r.Requester, r.Status, r.AssignedTo, r.UpdatedAt))
            .ToListAsync(cancellationToken);
        return new RequestTileSummary(open, StatusNames.All.ToDictionary(s => s, s => counts.GetValueOrDefault(s)));
    }

    public async Task<RequestDetails?> FindAsync(int number, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var request = await db.Requests.AsNoTracking().SingleOrDefaultAsync(r => r.Number == number, cancellationToken);
        return request is null ? null : ToDetails(request);
    }

    public async Task<IReadOnlyList<ActivityView>> GetActivityAsync(int number, ClaimsPrincipal viewer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var entries = await db.Activity.AsNoTracking()
            .Where(a => a.RequestNumber == number)
            .OrderBy(a => a.At).ThenBy(a => a.Id)
            .ToListAsync(cancellationToken);
        return entries.Select(e => ToView(e, viewer)).ToList();
    }

    public async Task<RequestResult<RequestDetails>> CreateAsync(NewRequest request, ClaimsPrincipal actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var name = ActorName(actor);
        if (name is null)
        {
            return RequestResult<RequestDetails>.Fail(NotSignedIn);
        }

        var error = RequestRules.CheckTitle(request.Title)
            ?? RequestRules.CheckDescription(request.Description)
            ?? RequestRules.CheckRequester(request.Requester);
        if (error is not null)
        {
            return RequestResult<RequestDetails>.Fail(error);
        }

        string? assignee = null;
        if (!string.IsNullOrWhiteSpace(request.AssignedTo))
        {
            assignee = (await users.FindAsync(request.AssignedTo.Trim(), cancellationToken))?.UserName;
            if (assignee is null)
            {
                return RequestResult<RequestDetails>.Fail($"There is no user '{request.AssignedTo.Trim()}' to assign.");
            }
        }

        var now = Now();
        var entity = new ServiceRequest
        {
            Title = request.Title!.Trim(),
            Description = request.Description ?? string.Empty,
            Requester = request.Requester?.Trim() ?? string.Empty,
            Status = RequestStatus.New,
            AssignedTo = assignee,
            CreatedBy = name,
            CreatedAt = now,
            UpdatedAt = now,
        };
        entity.Activity.Add(new ActivityEntry { Kind = Kinds.Created, At = now, Actor = name, NewValue = assignee });
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            db.Requests.Add(entity);
            await db.SaveChangesAsync(cancellationToken);
        }

        metrics?.RequestCreated();
        logger.LogInformation("{User} created request {Number}", name, entity.Number);
        Notify(entity.Number);
        return RequestResult<RequestDetails>.Ok(ToDetails(entity));
    }

    public Task<RequestResult<RequestDetails>> ChangeStatusAsync(int number, RequestStatus status, ClaimsPrincipal actor, CancellationToken cancellationToken) =>
        UpdateAsync(number, actor, (request, name) =>
        {
            var error = RequestRules.CheckStatusChange(request.Status, status, actor.IsInRole(ServiceProRoles.Privileged));
            if (error is not null)
            {
                return Task.FromResult<(string?, ActivityEntry?)>((error, null));
            }

            var entry = new ActivityEntry { Kind = Kinds.Status, Actor = name, OldValue = request.Status.ToString(), NewValue = status.ToString() };
            request.Status = status;
            return Task.FromResult<(string?, ActivityEntry?)>((null, entry));
        }, cancellationToken);

    public Task<RequestResult<RequestDetails>> AssignAsync(int number, string? assignee, ClaimsPrincipal actor, CancellationToken cancellationToken) =>
        UpdateAsync(number, actor, async (request, name) =>
        {
            string? userName = null;
            if (!string.IsNullOrWhiteSpace(assignee))
            {
                userName = (await users.FindAsync(assignee.Trim(), cancellationToken))?.UserName;
                if (userName is null)
                {
                    return ($"There is no user '{assignee.Trim()}' to assign.", null);
                }
            }

            if (string.Equals(request.AssignedTo, userName, StringComparison.Ordinal))
            {
                return (userName is null ? "The request is already unassigned." : $"The request is already assigned to {userName}.", null);
            }

            var entry = new ActivityEntry { Kind = Kinds.Assignment, Actor = name, OldValue = request.AssignedTo, NewValue = userName };
            request.AssignedTo = userName;
            return (null, entry);
        }, cancellationToken);

    public Task<RequestResult<RequestDetails>> AddNoteAsync(int number, string? note, ClaimsPrincipal actor, CancellationToken cancellationToken) =>
        UpdateAsync(number, actor, (_, name) =>
        {
            var error = RequestRules.CheckNote(note);
            return Task.FromResult<(string?, ActivityEntry?)>(error is not null
                ? (error, null)
                : (null, new ActivityEntry { Kind = Kinds.Note, Actor = name, Text = note!.Trim() }));
        }, cancellationToken);

    internal static IQueryable<ServiceRequest> Filter(IQueryable<ServiceRequest> requests, RequestQuery query)
    {
        if (query.Status is { } status)
        {
            requests = requests.Where(r => r.Status == status);
        }

        var text = query.Text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return requests;
        }

        if (text.Length > RequestsConstants.FilterTextMaxLength)
        {
            text = text[..RequestsConstants.FilterTextMaxLength];
        }

        // "#42" is request 42 and nothing else (a key lookup); "42" is request 42 or a title or requester with 42 in it.
        var number = int.TryParse(text.TrimStart('#'), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : (int?)null;
        if (text.StartsWith('#') && number is { } only)
        {
            return requests.Where(r => r.Number == only);
        }

        // Part of a title or requester: LIKE '%text%' cannot use an index, so it scans; see README for the figures.
        var pattern = "%" + EscapeLike(text) + "%";
        return number is { } exact
            ? requests.Where(r => r.Number == exact || EF.Functions.Like(r.Title, pattern, "\\") || EF.Functions.Like(r.Requester, pattern, "\\"))
            : requests.Where(r => EF.Functions.Like(r.Title, pattern, "\\") || EF.Functions.Like(r.Requester, pattern, "\\"));
    }

    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal).Replace("[", "\\[", StringComparison.Ordinal);

    private async Task<RequestResult<RequestDetails>> UpdateAsync(
        int number,
        ClaimsPrincipal actor,
        Func<ServiceRequest, string, Task<(string? Error, ActivityEntry? Entry)>> change,
        CancellationToken cancellationToken)
    {
        var name = ActorName(actor);
        if (name is null)
        {
            return RequestResult<RequestDetails>.Fail(NotSignedIn);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var request = await db.Requests.SingleOrDefaultAsync(r => r.Number == number, cancellationToken);
        if (request is null)
        {
            return RequestResult<RequestDetails>.Fail(NotFound(number));
        }

        var (error, entry) = await change(request, name);
        if (error is not null || entry is null)
        {
            return RequestResult<RequestDetails>.Fail(error ?? "Nothing to change.");
        }

        var now = Now();
        entry.RequestNumber = number;
        entry.At = now;
        request.UpdatedAt = now;
        db.Activity.Add(entry);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Status and assignee are concurrency tokens: another rep changed the request since it was read.
            return RequestResult<RequestDetails>.Fail($"Request #{number} was changed by someone else meanwhile. Nothing was changed; look again and retry.");
        }

        metrics?.ActivityAppended(entry.Kind);
        logger.LogInformation("{User} added {Kind} to request {Number}", name, entry.Kind, number);
        Notify(number);
        return RequestResult<RequestDetails>.Ok(ToDetails(request));
    }

    // Queued for every open page of the request; the rep who made the change does not wait for them.
    private void Notify(int number) => events.Publish(new RequestActivityAddedEvent(number));

    internal static string NotFound(int number) => string.Create(CultureInfo.InvariantCulture, $"Request #{number} does not exist.");

    internal static string? ActorName(ClaimsPrincipal? user) =>
        user?.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name } ? name : null;

    private DateTime Now() => time.GetUtcNow().UtcDateTime;

    private static RequestDetails ToDetails(ServiceRequest r) =>
        new(r.Number, r.Title, r.Description, r.Requester, r.Status, r.AssignedTo, r.CreatedBy, r.CreatedAt, r.UpdatedAt);

    private static ActivityView ToView(ActivityEntry entry, ClaimsPrincipal viewer)
    {
        ChatActivityView? chat = null;
        if (entry.Kind == Kinds.Chat && entry.ChatSessionId is { } session)
        {
            var participants = ChatJson.ReadParticipants(entry.ChatParticipants);
            // Decided here, on the server: a viewer who may not read the transcript never receives it.
            var transcript = TranscriptAccess.CanRead(viewer, participants) ? ChatJson.ReadTranscript(entry.ChatTranscript) : null;
            chat = new ChatActivityView(
                session,
                participants,
                entry.ChatStartedAt ?? entry.At,
                entry.ChatEndedAt ?? entry.At,
                TimeSpan.FromTicks(entry.ChatLengthTicks ?? 0),
                transcript);
        }

        return new ActivityView(entry.Id, entry.Kind, entry.At, entry.Actor, entry.Text, entry.OldValue, entry.NewValue, chat);
    }
}
