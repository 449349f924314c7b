using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using ServicePro.Contracts.Extensibility;
using ServicePro.Contracts.Modules;

namespace ServicePro.TestModules.Probe;

public sealed class ProbeModule : IServiceProModule
{
    public const string ModuleId = "probe";
    public const string EndpointPath = "/api/probe";

    public string Id => ModuleId;

    public string Title => "Probe";

    public IReadOnlyCollection<string> DependsOn => [];

    public void ConfigureServices(ModuleServicesContext context)
    {
        context.Services.AddMenuContributor<ProbeMenuContributor>();
        context.Services.AddWorkbenchTile<ProbeTile>(ModuleId, "Probe", 50);
    }

    public Task InitializeAsync(ModuleInitializationContext context, CancellationToken cancellationToken)
    {
        context.Endpoints.MapGet(EndpointPath, () => TypedResults.Text("probe ok")).AllowAnonymous();
        context.Endpoints.MapGet(ProbeFailure.EndpointPath, string () => throw ProbeFailure.Create());
        context.Endpoints.MapProbeBearerEndpoints();
        return Task.CompletedTask;
    }
}
