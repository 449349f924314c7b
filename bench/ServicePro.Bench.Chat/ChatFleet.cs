using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using ServicePro.Chat.Protocol;

namespace ServicePro.Bench.Chat;

/// <summary>
/// The reps on the product's chat hub, each on its host (rep i on host i mod H, so a session's attendees are on
/// different hosts where there are several) with its bearer token; each group is a Workbench session: the first rep
/// starts it and invites the others, who accept on their own connections.
/// </summary>
public sealed class ChatFleet(IReadOnlyList<Uri> hosts, IReadOnlyList<RepAccount> accounts, int groupSize, Action<int, string> delivered)
    : RelayFleet(accounts.Count, groupSize, delivered)
{
    private readonly Guid[] _sessions = new Guid[accounts.Count];

    public override async Task FormGroupsAsync(CancellationToken cancellationToken)
    {
        var groups = Enumerable.Range(0, (Reps + GroupSize - 1) / GroupSize);
        await Parallel.ForEachAsync(groups, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken }, async (group, ct) =>
        {
            var first = group * GroupSize;
            var members = Enumerable.Range(first, Math.Min(GroupSize, Reps - first)).ToArray();
            var session = await Connection(first).InvokeAsync<ChatSessionDto>(ChatProtocol.Methods.StartSession, (int?)null, ct);
            ChatInvitationDto[] invitations;
            try
            {
                invitations = await Connection(first).InvokeAsync<ChatInvitationDto[]>(ChatProtocol.Methods.Invite, session.SessionId, members.Skip(1).Select(m => accounts[m].UserName).ToArray(), ct);
            }
            catch (HubException e) when (hosts.Count > 1 && e.Message.Contains(ChatProtocol.Errors.UserOffline, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"A session's attendees are spread over {hosts.Count} hosts, and a host does not see reps online on another ({e.Message}). Several hosts need shared presence: Redis (--setting Redis:Configuration=…).", e);
            }

            foreach (var member in members.Skip(1))
            {
                var invitation = invitations.Single(i => string.Equals(i.Invitee, accounts[member].UserName, StringComparison.OrdinalIgnoreCase));
                await Connection(member).InvokeAsync<ChatSessionDto>(ChatProtocol.Methods.AcceptInvitation, invitation.InvitationId, ct);
            }

            foreach (var member in members)
            {
                _sessions[member] = session.SessionId;
            }
        });
    }

    public override Task SendAsync(int rep, string text) =>
        Connection(rep).InvokeAsync<ChatEntryDto>(ChatProtocol.Methods.SendMessage, new SendMessageRequest(_sessions[rep], ChatProtocol.NewClientMessageId(), text));

    protected override HubConnection Build(int rep)
    {
        var account = accounts[rep];
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(hosts[rep % hosts.Count], ChatProtocol.HubRoute.TrimStart('/')), HttpTransportType.WebSockets, o => o.AccessTokenProvider = () => Task.FromResult<string?>(account.AccessToken))
            .Build();
        connection.On<ChatEntryDto>(ChatProtocol.Events.EntryAdded, entry =>
        {
            if (entry.Kind == TranscriptLineKind.Message)
            {
                Deliver(rep, entry.Text);
            }
        });
        return connection;
    }
}
