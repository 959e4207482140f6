using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using VehicleImages.Api.Access;
using VehicleImages.Api.Admin;
using VehicleImages.Api.AdminUi;
using VehicleImages.Api.AutoDev;
using VehicleImages.Api.CarsXe;
using VehicleImages.Api.Docs;
using VehicleImages.Api.Health;
using VehicleImages.Api.Http;
using VehicleImages.Api.Hosting;
using VehicleImages.Api.Media;
using VehicleImages.Api.Native;
using VehicleImages.Api.OneAuto;
using VehicleImages.Application.Access;

namespace VehicleImages.Api;

/// <summary>Builds the web application: the table of contents of the HTTP surface.</summary>
public static class ApiHost
{
    /// <summary>The application; <paramref name="replace"/> lets a test put its own clock or a wrapped store in after the library's services.</summary>
    public static async Task<WebApplication> CreateAsync(
        IConfiguration configuration, CancellationToken cancellationToken, Action<IServiceCollection>? replace = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.AddConfiguration(configuration);
        await builder.Services.AddLibraryAsync(builder.Configuration, cancellationToken);
        replace?.Invoke(builder.Services);
        builder.Services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Vehicle Images";
            document.Info.Description = "Self-hosted vehicle imagery: CarsXE, auto.dev and OneAuto compatible APIs over a library you own.";
            return Task.CompletedTask;
        }));
        builder.Services.AddProblemDetails();
        builder.Services.AddUnansweredErrors(new FamilyEnvelopes(
            ("/images", "CarsXE", CarsXeRefusals.Failure),
            ("/photos", "auto.dev", AutoDevErrors.Failure),
            ("/vehicleimagery", "OneAuto", OneAutoResults.Failure)));
        builder.Services.AddHostedService<UsageFlusher>();
        builder.Services.AddHostedService<PlanReloading>();

        var app = builder.Build();
        VisionStartup.LoadModels(app.Services);
        if (!app.Services.GetRequiredService<AccessOptions>().RequireKeys)
        {
            app.Logger.KeysNotRequired();
        }

        app.UseTrustedProxies();
        app.UseRequestIds();
        app.UseUnansweredErrors();
        app.UseAnonymousLimit();
        app.MapHealth();
        app.MapMedia();
        app.MapCarsXe();
        app.MapAutoDev();
        app.MapOneAuto();
        app.MapVins();
        app.MapUsage();
        app.MapKeyAdmin();
        app.MapAdminSession();
        app.MapLibraryAdmin();
        app.MapImageAdmin();
        app.MapIngestAdmin();
        app.MapAuditAdmin();
        app.MapAdminUi();
        app.MapDocs();
        return app;
    }
}
