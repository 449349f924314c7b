using ServicePro.Contracts.Extensibility;
using ServicePro.Contracts.Modules;

namespace ServicePro.Modules.Share;

/// <summary>The sample module: one Social menu item that e-mails a colleague about the request in view.</summary>
public sealed class ShareModule : IServiceProModule
{
    public string Id => ShareConstants.ModuleId;

    public string Title => "Share";

    public IReadOnlyCollection<string> DependsOn => [];

    public void ConfigureServices(ModuleServicesContext context) =>
        context.Services.AddMenuContributor<ShareSocialMenuItems>();

    public Task InitializeAsync(ModuleInitializationContext context, CancellationToken cancellationToken) => Task.CompletedTask;
}
