using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using VehicleImages.Api.Access;

namespace VehicleImages.Api.AdminUi;

/// <summary>
/// The admin web UI at /admin: pages behind an admin session (or key), the sign-in page and the static assets open,
/// since they hold no data. Each page is a static shell whose module script fetches its data from /v1/admin.
/// </summary>
public static class AdminUiEndpoints
{
    public const string LoginPath = "/admin/login";

    public static IEndpointRouteBuilder MapAdminUi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet(LoginPath, () => Serve(AdminUiFiles.Page("login.html"), cache: false)).ExcludeFromDescription();
        routes.MapGet("/admin/assets/{name}", (string name) => AdminUiFiles.Asset(name) is { } asset ? Serve(asset, cache: true) : Results.NotFound())
            .ExcludeFromDescription();

        var pages = routes.MapGroup("/admin").RequireAdmin(AdminPageRefusals.Refuse).ExcludeFromDescription();
        pages.MapGet("/", () => Serve(AdminUiFiles.Page("library.html"), cache: false));
        pages.MapGet("/images/{id}", (string id) => Serve(AdminUiFiles.Page("image.html"), cache: false));
        pages.MapGet("/ingest", () => Serve(AdminUiFiles.Page("ingest.html"), cache: false));
        pages.MapGet("/keys", () => Serve(AdminUiFiles.Page("keys.html"), cache: false));
        pages.MapGet("/audit", () => Serve(AdminUiFiles.Page("audit.html"), cache: false));
        return routes;
    }

    // Assets are revalidated (cheap 304s by ETag) rather than cached blind, so a new release shows at once.
    private static AdminUiResult Serve(AdminUiFile file, bool cache) => new AdminUiResult(file, cache ? "no-cache" : "no-store");

    /// <summary>Writes a file with the admin headers; conditional requests are answered 304 by the file result.</summary>
    private sealed class AdminUiResult(AdminUiFile file, string cacheControl) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            AdminUiHeaders.Apply(httpContext.Response);
            httpContext.Response.Headers.CacheControl = cacheControl;
            return Results.Bytes(file.Content, file.ContentType, entityTag: file.ETag).ExecuteAsync(httpContext);
        }
    }
}
