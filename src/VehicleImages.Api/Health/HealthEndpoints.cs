using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using VehicleImages.Application.Vins;
using VehicleImages.Application.Vision;
using VehicleImages.Imaging;
using VehicleImages.Storage.Blobs;
using VehicleImages.Storage.Catalog;

namespace VehicleImages.Api.Health;

/// <summary>
/// /healthz says the process answers; /readyz says it can serve (libvips loaded, catalog and blob store reachable)
/// and which vision models it sees with, if any.
/// </summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/healthz", () => TypedResults.Ok(new { status = "ok" })).ExcludeFromDescription();
        routes.MapGet("/readyz", ReadyAsync).ExcludeFromDescription();
        return routes;
    }

    private static async Task<IResult> ReadyAsync(
        ImageProcessor imaging, ICatalog catalog, IBlobStore blobs, VinDecoder vins, [FromServices] IImageVision? vision, CancellationToken cancellationToken)
    {
        var checks = new Dictionary<string, Check>(StringComparer.Ordinal)
        {
            ["libvips"] = new(true, $"libvips {imaging.Library.Version} from {imaging.Library.Source}"),
            ["catalog"] = await ProbeAsync(() => catalog.PingAsync(cancellationToken)),
            ["blobs"] = await ProbeAsync(() => blobs.PingAsync(cancellationToken)),

            // Optional: without it VINs still validate and give their year and, for common makers, their make.
            ["vinData"] = vins.VpicSource is { } source
                ? new(true, source, Required: false)
                : new(false, "vPIC data missing: VINs validate but decode only make (built-in WMI table) and year; run `./vehicle-images vin setup`", Required: false),
        };
        var ready = checks.Values.Where(check => check.Required).All(check => check.Ok);
        // Not a check: with vision on, the models loaded before the server listened, or it did not start.
        object seeing = vision is null ? new { enabled = false } : new { enabled = true, models = vision.Models };
        return TypedResults.Json(
            new { status = ready ? "ready" : "not ready", checks, vision = seeing }, statusCode: ready ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }

    private static async Task<Check> ProbeAsync(Func<Task> probe)
    {
        try
        {
            await probe();
            return new Check(true, "reachable");
        }
#pragma warning disable CA1031 // Any failure of a dependency is a "not ready" answer, never a 500.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return new Check(false, e.Message);
        }
    }

    private sealed record Check(bool Ok, string Detail, bool Required = true);
}
