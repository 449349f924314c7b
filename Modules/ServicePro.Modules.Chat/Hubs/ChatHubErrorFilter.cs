using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;
using ServicePro.Modules.Chat.Application;

namespace ServicePro.Modules.Chat.Hubs;

/// <summary>
/// The hub's error contract: every failed call reaches the client as a plain <see cref="HubException"/> whose message is
/// <c>CODE: explanation</c> (clients read <c>… HubException: CODE: explanation</c>). A refusal
/// (<see cref="ChatException"/>) is the caller's mistake, not a fault: it is logged at Information without a stack.
/// A storage failure (<see cref="ChatConstants.Errors.StorageFailed"/>, retry later) and any other fault
/// (<see cref="ChatConstants.Errors.ServerError"/>) are logged at Error with the exception.
/// </summary>
public sealed partial class ChatHubErrorFilter(ILogger<ChatHubErrorFilter> logger) : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        ArgumentNullException.ThrowIfNull(invocationContext);
        ArgumentNullException.ThrowIfNull(next);
        var method = invocationContext.HubMethodName;
        var caller = invocationContext.Context.User?.Identity?.Name;
        try
        {
            return await next(invocationContext);
        }
        catch (ChatException refusal)
        {
            LogRefused(logger, method, caller, $"{refusal.Code}: {refusal.Message}");
            throw new HubException($"{refusal.Code}: {refusal.Message}");
        }
        catch (OperationCanceledException) when (invocationContext.Context.ConnectionAborted.IsCancellationRequested)
        {
            // The caller hung up: no one to answer, nothing went wrong.
            throw;
        }
        catch (Exception fault) when (ChatFaults.IsStorageFailure(fault))
        {
            LogStorageFailed(logger, fault, method, caller);
            // Reps read this (the shell shows it and keeps the draft); the documented contract says how to resend.
            throw new HubException($"{ChatConstants.Errors.StorageFailed}: Chat could not save this just now. Try again in a moment.");
        }
        catch (Exception fault)
        {
            LogFault(logger, fault, method, caller);
            throw new HubException($"{ChatConstants.Errors.ServerError}: The server failed to handle {method}; the fault is logged there.");
        }
    }

    [LoggerMessage(1, LogLevel.Information, "Chat call {Method} by {Caller} refused: {Refusal}")]
    private static partial void LogRefused(ILogger logger, string method, string? caller, string refusal);

    [LoggerMessage(2, LogLevel.Error, "Chat call {Method} by {Caller} failed to store its change")]
    private static partial void LogStorageFailed(ILogger logger, Exception exception, string method, string? caller);

    [LoggerMessage(3, LogLevel.Error, "Chat call {Method} by {Caller} failed")]
    private static partial void LogFault(ILogger logger, Exception exception, string method, string? caller);
}
