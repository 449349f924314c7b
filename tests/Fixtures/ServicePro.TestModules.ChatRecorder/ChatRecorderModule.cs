using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ServicePro.Contracts.Chat;
using ServicePro.Contracts.Extensibility;
using ServicePro.Contracts.Modules;

namespace ServicePro.TestModules.ChatRecorder;

/// <summary>
/// Handles <see cref="ChatSessionEndedEvent"/> by appending one JSON line per handled call to the file named by
/// <c>Modules:chatrecorder:File</c>. <c>Modules:chatrecorder:FailTimes</c> makes the first calls throw ("not handled"),
/// <c>Modules:chatrecorder:HoldAfterRecording</c> makes each call hang once recorded, and
/// <c>Modules:chatrecorder:DropReplyOf</c> (a hub method name) loses the reply to that method's first call (or to its
/// call number <c>Modules:chatrecorder:DropReplyOfCall</c>);
/// <c>Modules:chatrecorder:RefuseSecondCallOf</c> refuses that method's second call and keeps the connection.
/// </summary>
public sealed class ChatRecorderModule : IServiceProModule
{
    public const string ModuleId = "chatrecorder";

    public string Id => ModuleId;

    public string Title => "Chat recorder (tests)";

    public IReadOnlyCollection<string> DependsOn => [];

    public void ConfigureServices(ModuleServicesContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var settings = new RecorderSettings(
            context.ModuleConfiguration["File"] ?? throw new InvalidOperationException("Modules:chatrecorder:File is required."),
            int.TryParse(context.ModuleConfiguration["FailTimes"], out var failTimes) ? failTimes : 0,
            bool.TryParse(context.ModuleConfiguration["HoldAfterRecording"], out var hold) && hold);
        context.Services.AddSingleton(settings);
        context.Services.AddEventHandler<ChatSessionEndedEvent, RecordingHandler>();
        if (context.ModuleConfiguration["DropReplyOf"] is { Length: > 0 } method)
        {
            context.Services.AddSingleton(sp => new AckDroppingFilter(method, int.TryParse(context.ModuleConfiguration["DropReplyOfCall"], out var call) ? call : 1, sp.GetRequiredService<ILogger<AckDroppingFilter>>()));
            context.Services.Configure<HubOptions>(o => o.AddFilter<AckDroppingFilter>());
        }

        if (context.ModuleConfiguration["RefuseSecondCallOf"] is { Length: > 0 } refused)
        {
            context.Services.AddSingleton(sp => new SecondCallRefusingFilter(refused, sp.GetRequiredService<ILogger<SecondCallRefusingFilter>>()));
            context.Services.Configure<HubOptions>(o => o.AddFilter<SecondCallRefusingFilter>());
        }
    }

    public Task InitializeAsync(ModuleInitializationContext context, CancellationToken cancellationToken) => Task.CompletedTask;
}
