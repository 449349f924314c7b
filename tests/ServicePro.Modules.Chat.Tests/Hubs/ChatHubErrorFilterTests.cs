using Microsoft.AspNetCore.SignalR;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Moq;
using ServicePro.Modules.Chat.Application;
using ServicePro.Modules.Chat.Hubs;
using ServicePro.Modules.Chat.Tests.Support;

namespace ServicePro.Modules.Chat.Tests.Hubs;

[TestClass]
public sealed class ChatHubErrorFilterTests
{
    private readonly CapturingLogger<ChatHubErrorFilter> _log = new();

    [TestMethod]
    public async Task InvokeMethod_Refused_PlainHubErrorWithCodeLoggedAtInformationWithoutException()
    {
        var filter = new ChatHubErrorFilter(_log);

        var error = await Assert.ThrowsExactlyAsync<HubException>(async () => await filter.InvokeMethodAsync(Context(), _ =>
            throw new ChatException(ChatConstants.Errors.MessageEmpty, "A message cannot be empty.")));

        Assert.AreEqual("CHAT_MESSAGE_EMPTY: A message cannot be empty.", error.Message);
        var logged = _log.Entries.Single();
        Assert.AreEqual(LogLevel.Information, logged.Level);
        Assert.IsNull(logged.Exception, "a refusal is not a fault: no stack");
        StringAssert.Contains(logged.Message, "SendMessage by alice refused: CHAT_MESSAGE_EMPTY");
    }

    [TestMethod]
    public async Task InvokeMethod_StoreFails_StorageFailedToRetryLaterAndTheFaultLoggedAtError()
    {
        var filter = new ChatHubErrorFilter(_log);
        var diskFull = new DbUpdateException("An error occurred while saving the entity changes.", new SqliteException("SQLite Error 13: 'database or disk is full'.", 13));

        var error = await Assert.ThrowsExactlyAsync<HubException>(async () => await filter.InvokeMethodAsync(Context(), _ => throw diskFull));

        StringAssert.StartsWith(error.Message, ChatConstants.Errors.StorageFailed + ": ");
        StringAssert.Contains(error.Message, "Try again in a moment.");
        var logged = _log.Entries.Single();
        Assert.AreEqual(LogLevel.Error, logged.Level);
        Assert.AreSame(diskFull, logged.Exception);
    }

    [TestMethod]
    public async Task InvokeMethod_Bug_ServerErrorWithoutDetailsAndTheFaultLoggedAtError()
    {
        var filter = new ChatHubErrorFilter(_log);
        var bug = new InvalidOperationException("secret internals");

        var error = await Assert.ThrowsExactlyAsync<HubException>(async () => await filter.InvokeMethodAsync(Context(), _ => throw bug));

        StringAssert.StartsWith(error.Message, ChatConstants.Errors.ServerError + ": ");
        Assert.DoesNotContain("secret internals", error.Message);
        Assert.AreSame(bug, _log.Entries.Single().Exception);
        Assert.AreEqual(LogLevel.Error, _log.Entries.Single().Level);
    }

    [TestMethod]
    public async Task InvokeMethod_Succeeds_ResultAndNothingLogged()
    {
        var filter = new ChatHubErrorFilter(_log);

        var result = await filter.InvokeMethodAsync(Context(), _ => ValueTask.FromResult<object?>("ok"));

        Assert.AreEqual("ok", result);
        Assert.IsEmpty(_log.Entries);
    }

    private static HubInvocationContext Context()
    {
        var caller = new Mock<HubCallerContext>();
        caller.Setup(c => c.User).Returns(new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity([new(System.Security.Claims.ClaimTypes.Name, "alice")], "test")));
        return new(caller.Object, new Mock<IServiceProvider>().Object, new Mock<Hub>().Object, typeof(ChatHub).GetMethod(nameof(ChatHub.SendMessage))!, []);
    }
}
