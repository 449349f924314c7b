using Microsoft.AspNetCore.SignalR;
using Moq;
using ServicePro.Contracts.Modules;
using ServicePro.Modules.Chat.Application;
using ServicePro.Modules.Chat.Hubs;

namespace ServicePro.Modules.Chat.Tests.Hubs;

[TestClass]
public sealed class ChatModuleGateFilterTests
{
    [TestMethod]
    public async Task InvokeMethod_ModuleDisabled_RefusedWithModuleDisabledAndTheMethodNeverRuns()
    {
        var ran = false;
        var filter = new ChatModuleGateFilter(Status(enabled: false));

        var error = await Assert.ThrowsExactlyAsync<ChatException>(async () => await filter.InvokeMethodAsync(Context(), _ =>
        {
            ran = true;
            return ValueTask.FromResult<object?>(null);
        }));

        Assert.AreEqual(ChatConstants.Errors.ModuleDisabled, error.Code);
        Assert.IsFalse(ran);
    }

    [TestMethod]
    public async Task InvokeMethod_Enabled_ReturnsTheMethodsResult()
    {
        var filter = new ChatModuleGateFilter(Status(enabled: true));

        var result = await filter.InvokeMethodAsync(Context(), _ => ValueTask.FromResult<object?>("ok"));

        Assert.AreEqual("ok", result);
    }

    private static IModuleStatus Status(bool enabled)
    {
        var status = new Mock<IModuleStatus>();
        status.Setup(s => s.IsEnabled(ChatConstants.ModuleId)).Returns(enabled);
        return status.Object;
    }

    private static HubInvocationContext Context() => new(
        new Mock<HubCallerContext>().Object,
        new Mock<IServiceProvider>().Object,
        new Mock<Hub>().Object,
        typeof(ChatHub).GetMethod(nameof(ChatHub.GetPresence))!,
        []);
}
