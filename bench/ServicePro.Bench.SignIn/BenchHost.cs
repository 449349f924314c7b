namespace ServicePro.Bench.SignIn;

/// <summary>The modules a started host loads: Requests and Chat, as README's first command does.</summary>
public static class BenchHost
{
    public const string ModulesConfig = """
        <?xml version="1.0" encoding="utf-8"?>
        <modules>
          <module id="requests" assembly="ServicePro.Modules.Requests" enabled="true" />
          <module id="chat" assembly="ServicePro.Modules.Chat" enabled="true" />
        </modules>
        """;
}
