using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using VehicleImages.Api.Health;
using VehicleImages.Api.Hosting;

namespace VehicleImages.Api;

/// <summary>Builds the web application: the table of contents of the HTTP surface.</summary>
public static class ApiHost
{
    public static async Task<WebApplication> CreateAsync(IConfiguration configuration, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.AddConfiguration(configuration);
        await builder.Services.AddLibraryAsync(builder.Configuration, cancellationToken);

        var app = builder.Build();
        app.MapHealth();
        return app;
    }
}
