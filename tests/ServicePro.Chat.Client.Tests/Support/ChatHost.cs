using ServicePro.Testing;

namespace ServicePro.Chat.Client.Tests.Support;

/// <summary>Starts the real host with the Chat module and the ChatRecorder test module, and makes clients of its hub.</summary>
public static class ChatHost
{
    /// <summary>The Chat module and the ChatRecorder test module (its faults are set by settings).</summary>
    public static readonly string ModulesConfig = $"""
        <?xml version="1.0" encoding="utf-8"?>
        <modules>
          <module id="chat" assembly="ServicePro.Modules.Chat" enabled="true" />
          <module id="chatrecorder" assembly="{TestPaths.ChatRecorderModuleAssembly}" enabled="true" />
        </modules>
        """;

    /// <summary>
    /// A host; <paramref name="settings"/> may set the recorder's faults: <c>Modules:chatrecorder:DropReplyOf</c> (a hub
    /// method whose first reply is lost with the connection), <c>Modules:chatrecorder:RefuseSecondCallOf</c>.
    /// </summary>
    public static Task<HostProcess> StartAsync(IDictionary<string, string>? settings = null, CancellationToken cancellationToken = default) =>
        HostProcess.StartAsync(ModulesConfig, Settings(settings), cancellationToken);

    /// <summary>The settings of <see cref="StartAsync"/>, for <see cref="HostProcess.RestartAsync"/>.</summary>
    public static Dictionary<string, string> Settings(IDictionary<string, string>? settings = null)
    {
        var all = new Dictionary<string, string>
        {
            ["Modules:chatrecorder:File"] = Path.Combine(Directory.CreateTempSubdirectory("servicepro-chat-record-").FullName, "ended.jsonl"),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            all[key] = value;
        }

        return all;
    }

    public static Uri HubUrl(Uri baseAddress) => new(baseAddress, ChatProtocol.HubRoute.TrimStart('/'));

    /// <summary>
    /// A client signed in as <paramref name="userName"/> through <see cref="ChatSignIn"/>, reconnecting quickly;
    /// <paramref name="beforeEachConnect"/> runs before each (re)connect asks for its token, so a test can hold it away.
    /// </summary>
    public static ChatClient CreateClient(Uri baseAddress, string userName, Func<Task>? beforeEachConnect = null, HttpMessageHandler? signInHandler = null)
    {
        // The sign-in lives as long as the test process: a test's client is disposed, its token source need not be.
        var signIn = new ChatSignIn(baseAddress, userName, SignIn.DemoPassword, signInHandler);
        return new ChatClient(new ChatClientOptions
        {
            HubUrl = HubUrl(baseAddress),
            AccessTokenProvider = async () =>
            {
                if (beforeEachConnect is not null)
                {
                    await beforeEachConnect();
                }

                return await signIn.GetAccessTokenAsync();
            },
            ReconnectDelay = TimeSpan.FromMilliseconds(200),
            MaxReconnectDelay = TimeSpan.FromSeconds(1),
        });
    }
}
