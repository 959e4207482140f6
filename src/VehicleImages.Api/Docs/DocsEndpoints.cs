using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace VehicleImages.Api.Docs;

/// <summary>The OpenAPI document at /openapi/v1.json and interactive docs at /docs, served locally (no CDN).</summary>
public static class DocsEndpoints
{
    public const string DocumentPath = "/openapi/v1.json";

    private const string DocsPath = "/docs";

    public static WebApplication MapDocs(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapOpenApi(DocumentPath);
        // Middleware runs before every endpoint: branching on the prefix keeps the UI's own path matching (a regex)
        // off the API's and the media's requests.
        app.UseWhen(context => context.Request.Path.StartsWithSegments(DocsPath), docs => docs.UseSwaggerUI(options =>
        {
            options.RoutePrefix = DocsPath[1..];
            options.SwaggerEndpoint(DocumentPath, "Vehicle Images");
            options.DocumentTitle = "Vehicle Images API";
        }));
        return app;
    }
}
