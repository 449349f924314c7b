using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using ServicePro.Testing;

namespace ServicePro.Modules.Chat.Tests.Support;

/// <summary>Starts the real host with the Chat module and the ChatRecorder test module, and connects reps to the hub.</summary>
public static class ChatHostFixture
{
    public static string ModulesConfig { get; } = $"""
        <?xml version="1.0" encoding="utf-8"?>
        <modules>
          <module id="chat" assembly="ServicePro.Modules.Chat" enabled="true" />
          <module id="chatrecorder" assembly="{TestPaths.ChatRecorderModuleAssembly}" enabled="true" />
        </modules>
        """;

    /// <summary>Starts a host; the recorder writes each handled chat-ended event as a JSON line to <paramref name="recordFile"/>.</summary>
    public static Task<HostProcess> StartAsync(string recordFile, IDictionary<string, string>? settings = null, CancellationToken cancellationToken = default) =>
        HostProcess.StartAsync(ModulesConfig, Settings(recordFile, settings), cancellationToken);

    public static Dictionary<string, string> Settings(string recordFile, IDictionary<string, string>? settings = null)
    {
        var all = new Dictionary<string, string> { ["Modules:chatrecorder:File"] = recordFile };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            all[key] = value;
        }

        return all;
    }

    /// <summary>Signs in as documented for non-browser clients: POST /account/token.</summary>
    public static async Task<string> TokenAsync(HostProcess host, string userName, string password = SignIn.DemoPassword)
    {
        using var http = host.CreateClient();
        using var response = await http.PostAsJsonAsync(ChatConstants.TokenRoute.TrimStart('/'), new { userName, password });
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"Token sign-in as {userName} failed with {(int)response.StatusCode}.");
        }

        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("accessToken").GetString()!;
    }

    public static Uri HubUrl(HostProcess host) => new(host.BaseAddress, ChatConstants.HubRoute.TrimStart('/'));

    /// <summary>A started hub connection signed in as <paramref name="userName"/>, recording every event.</summary>
    public static async Task<TestChatConnection> ConnectAsync(HostProcess host, string userName)
    {
        var token = await TokenAsync(host, userName);
        var connection = new HubConnectionBuilder()
            .WithUrl(HubUrl(host), o => o.AccessTokenProvider = () => Task.FromResult<string?>(token))
            .Build();
        var recorded = new TestChatConnection(userName, connection);
        await connection.StartAsync();

        // The server handles calls only after registering the connection: once this returns, no event is missed.
        await connection.InvokeAsync<IReadOnlyList<PresenceDto>>(ChatConstants.Methods.GetPresence);
        return recorded;
    }
}
