using Microsoft.AspNetCore.SignalR;

namespace ServicePro.Modules.Chat.Tests;

/// <summary>The shape issue 9 asked for, kept: the module serves its hub but never connects to one, and mints no tokens.</summary>
[TestClass]
public sealed class ChatModuleShapeTests
{
    [TestMethod]
    public void ChatModule_ReferencedAssemblies_NoSignalRClientAndNoBearerTokenHandler()
    {
        var referenced = typeof(ChatModule).Assembly.GetReferencedAssemblies().Select(a => a.Name).ToList();

        CollectionAssert.DoesNotContain(referenced, "Microsoft.AspNetCore.SignalR.Client", "the shell's chat runs in process: no connection from the server to itself");
        CollectionAssert.DoesNotContain(referenced, "Microsoft.AspNetCore.SignalR.Client.Core");
        CollectionAssert.DoesNotContain(referenced, "Microsoft.AspNetCore.Authentication.BearerToken", "a module mints no tokens");
        CollectionAssert.Contains(referenced, typeof(Hub).Assembly.GetName().Name, "the hub for outside clients stays");
    }
}
