namespace ServicePro.Testing;

/// <summary>modules.config files for tests of particular modules (see also <see cref="HostProcess.DefaultModulesConfig"/>).</summary>
public static class TestModulesConfig
{
    /// <summary>The Requests module and the sample Share module, both enabled.</summary>
    public static string WithRequests() => """
        <?xml version="1.0" encoding="utf-8"?>
        <modules>
          <module id="requests" assembly="ServicePro.Modules.Requests" enabled="true" />
          <module id="share" assembly="ServicePro.Modules.Share" enabled="true" />
        </modules>
        """;

    /// <summary>Requests, Share and Chat, all enabled, as in the shipped modules.config.</summary>
    public static string WithChat() => """
        <?xml version="1.0" encoding="utf-8"?>
        <modules>
          <module id="requests" assembly="ServicePro.Modules.Requests" enabled="true" />
          <module id="share" assembly="ServicePro.Modules.Share" enabled="true" />
          <module id="chat" assembly="ServicePro.Modules.Chat" enabled="true" />
        </modules>
        """;
}
