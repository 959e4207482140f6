using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace VehicleImages.Api.Docs;

/// <summary>The OpenAPI document at /openapi/v1.json and interactive docs at /docs, served locally (no CDN).</summary>
public static class DocsEndpoints
{
    public const string DocumentPath = "/openapi/v1.json";

    public static WebApplication MapDocs(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapOpenApi(DocumentPath);
        app.UseSwaggerUI(options =>
        {
            options.RoutePrefix = "docs";
            options.SwaggerEndpoint(DocumentPath, "Vehicle Images");
            options.DocumentTitle = "Vehicle Images API";
        });
        return app;
    }
}
