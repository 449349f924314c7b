using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.ExceptionServices;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.Logging;

namespace ServicePro.Modules.Chat.Hubs;

/// <summary>
/// A hub protocol (JSON, say) with the chat's error contract for calls whose arguments cannot be read: SignalR turns
/// them into a binding failure before any hub filter runs and answers "Failed to invoke … due to an error on the
/// server" without a code. Here the failure carries <see cref="ChatConstants.Errors.ArgumentInvalid"/> (or
/// <see cref="ChatConstants.Errors.MethodNotFound"/>) and says what the method takes; SignalR passes a
/// <see cref="HubException"/>'s message on to the client.
/// </summary>
public sealed partial class ChatArgumentsProtocol(IHubProtocol inner, ILogger logger) : IHubProtocol
{
    public string Name => inner.Name;

    public int Version => inner.Version;

    public TransferFormat TransferFormat => inner.TransferFormat;

    public bool IsVersionSupported(int version) => inner.IsVersionSupported(version);

    public bool TryParseMessage(ref ReadOnlySequence<byte> input, IInvocationBinder binder, [NotNullWhen(true)] out HubMessage? message)
    {
        if (!inner.TryParseMessage(ref input, binder, out message))
        {
            return false;
        }

        if (message is InvocationBindingFailureMessage failure)
        {
            var refusal = Explain(binder, failure.Target);
            LogRefused(logger, failure.Target, refusal);
            message = new InvocationBindingFailureMessage(failure.InvocationId, failure.Target, ExceptionDispatchInfo.Capture(new HubException(refusal)));
        }

        return true;
    }

    public void WriteMessage(HubMessage message, IBufferWriter<byte> output) => inner.WriteMessage(message, output);

    public ReadOnlyMemory<byte> GetMessageBytes(HubMessage message) => inner.GetMessageBytes(message);

    private static string Explain(IInvocationBinder binder, string method)
    {
        IReadOnlyList<Type> parameters;
        try
        {
            parameters = binder.GetParameterTypes(method);
        }
        catch (HubException)
        {
            return $"{ChatConstants.Errors.MethodNotFound}: There is no method '{method}'.";
        }

        var takes = parameters.Count == 0 ? "no arguments" : string.Join(", ", parameters.Select(Describe));
        return $"{ChatConstants.Errors.ArgumentInvalid}: The arguments do not fit {method}, which takes {takes}.";
    }

    private static string Describe(Type type)
    {
        var nullable = Nullable.GetUnderlyingType(type);
        var core = nullable ?? type;
        var described = core switch
        {
            _ when core == typeof(Guid) => "a GUID",
            _ when core == typeof(TimeSpan) => "a duration such as \"00:05:00\" (at most \"1.00:00:00\")",
            _ when core == typeof(int) || core == typeof(long) => "a number",
            _ when core == typeof(string) => "a text",
            _ when core == typeof(string[]) => "a list of user names",
            _ when core.IsEnum => $"a number ({core.Name})",
            _ => $"a {core.Name} object",
        };
        return nullable is null ? described : described + " or null";
    }

    [LoggerMessage(1, LogLevel.Information, "Chat call {Method} refused: {Refusal}")]
    private static partial void LogRefused(ILogger logger, string method, string refusal);
}
