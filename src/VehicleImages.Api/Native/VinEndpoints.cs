using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using VehicleImages.Api.Access;
using VehicleImages.Api.Http;
using VehicleImages.Application.Media;
using VehicleImages.Application.Vins;
using VehicleImages.Domain.Images;
using VehicleImages.Domain.Keys;
using VehicleImages.Domain.Renditions;
using VehicleImages.Domain.Vins;
using VehicleImages.Storage.Catalog;

namespace VehicleImages.Api.Native;

/// <summary>One photo of a vehicle in the native API.</summary>
public sealed record VinPhoto(string Id, string Source, int? Sequence, string View, string Link, int Width, int Height, string ThumbnailLink);

/// <summary>The native VIN answer: what the VIN says, and the photos the library holds of that vehicle.</summary>
public sealed record VinAnswer(VinReport Vin, IReadOnlyList<VinPhoto> Photos);

/// <summary>Native <c>GET /v1/vins/{vin}</c>: validity, check digit, WMI, squish VIN, decoded vehicle, photos.</summary>
public static class VinEndpoints
{
    public static IEndpointRouteBuilder MapVins(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/v1/vins/{vin}", DecodeAsync)
            .AnswerFailuresIn("native", Problems.Failure)
            .RequireKey(ApiFamily.Native, PresentedKeys.Any, NativeRefusals.Refuse)
            .WithName("NativeVin")
            .WithTags("Native")
            .WithSummary("Validate and decode a VIN, and list the library's photos of that vehicle.")
            .Produces<VinAnswer>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return routes;
    }

    private static async Task<IResult> DecodeAsync(
        string vin, HttpContext context, VinDecoder decoder, ICatalog catalog, ImageLinks links, MediaOptions media,
        CancellationToken cancellationToken)
    {
        if (!Vin.TryParse(vin, out var parsed, out var problem))
        {
            return Problems.BadRequest($"Not a VIN: {VinReport.Describe(problem)}.");
        }

        var decoding = await decoder.DecodeAsync(parsed, cancellationToken);
        var photos = new List<VinPhoto>();
        foreach (var image in await catalog.FindByVinAsync(parsed.Value, cancellationToken))
        {
            var served = await links.OriginalAsync(image, cancellationToken);
            var thumbnail = await links.RenditionAsync(image, RenditionSize.Thumbnail, cancellationToken);
            photos.Add(new VinPhoto(
                image.Id.ToString(), image.Source.ToString().ToLowerInvariant(), image.Sequence, ViewNames.Name(image.View),
                AbsoluteUrls.Of(context.Request, media, served.Link), served.Width, served.Height, AbsoluteUrls.Of(context.Request, media, thumbnail.Link)));
        }

        return TypedResults.Ok(new VinAnswer(VinReport.Of(decoding), photos));
    }
}
