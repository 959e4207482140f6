using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using VehicleImages.Api.Access;
using VehicleImages.Api.Http;
using VehicleImages.Application.Media;
using VehicleImages.Domain.Images;
using VehicleImages.Domain.Keys;
using VehicleImages.Domain.Renditions;
using VehicleImages.Domain.Search;
using VehicleImages.Storage.Catalog;

namespace VehicleImages.Api.CarsXe;

/// <summary>CarsXE-compatible <c>GET /images</c>: images by make, model, year, trim, colour and angle.</summary>
public static class CarsXeEndpoints
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,

        // Links keep a plain '&': the answer is application/json, never inlined into HTML, where escaping it matters.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static IEndpointRouteBuilder MapCarsXe(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/images", ImagesAsync)
            .AnswerFailuresIn("CarsXE", CarsXeRefusals.Failure)
            .RequireKey(ApiFamily.CarsXe, request => request.Query["key"], CarsXeRefusals.Refuse)
            .WithName("CarsXeImages")
            .WithTags("CarsXE")
            .WithSummary("Vehicle images by year, make, model, trim, colour and angle (CarsXE wire format).")
            .WithDescription("Parameters as CarsXE documents them: key, make, model, year, trim, color, transparent, angle, photoType, size, license, format, validate.");
        return routes;
    }

    private static async Task<IResult> ImagesAsync(
        HttpContext context, ICatalog catalog, ImageLinks links, MediaOptions media, CancellationToken cancellationToken)
    {
        var query = context.Request.Query;

        if (!CarsXeRequests.TryRead(query, out var request, out var problem))
        {
            return Error(StatusCodes.Status400BadRequest, problem, CarsXeRequests.Echo(query), CarsXeRequests.WantsXml(query));
        }

        var matches = await catalog.SearchAsync(request.Search, cancellationToken);
        var images = new List<CarsXeImage>(matches.Count);
        foreach (var match in matches)
        {
            images.Add(await DescribeAsync(match, request.Size, context.Request, links, media, cancellationToken));
        }

        return Respond(StatusCodes.Status200OK, new CarsXeResponse(request.Echo, images, Success: true, Error: ""), request.Xml);
    }

    private static async Task<CarsXeImage> DescribeAsync(
        ImageMatch match, CarsXeSize size, HttpRequest http, ImageLinks links, MediaOptions media, CancellationToken cancellationToken)
    {
        var image = match.Image;
        var served = size == CarsXeSize.All
            ? await links.OriginalAsync(image, cancellationToken)
            : await links.RenditionAsync(image, Enum.Parse<RenditionSize>(size.ToString()), cancellationToken);
        var thumbnail = await links.RenditionAsync(image, RenditionSize.Thumbnail, cancellationToken);
        return new CarsXeImage(
            served.Format.MimeType(),
            AbsoluteUrls.Of(http, media, served.Link),
            image.ContextLink ?? "",
            served.Height,
            served.Width,
            served.ByteSize,
            AbsoluteUrls.Of(http, media, thumbnail.Link),
            thumbnail.Height,
            thumbnail.Width,
            FriendlyName(image.Attribution, image.ContextLink),
            image.AccentColour,
            image.DatePublished?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "");
    }

    // The vendor fills this from the page an image was found on; ours names who the library credits, or else the
    // host of the context page.
    private static string FriendlyName(string? attribution, string? contextLink) =>
        attribution ?? (Uri.TryCreate(contextLink, UriKind.Absolute, out var page) ? page.Host : "");

    internal static IResult Error(int status, string message, IReadOnlyDictionary<string, string> echo, bool xml, CarsXeUsage? usage = null) =>
        Respond(status, new CarsXeResponse(echo, [], Success: false, Error: message) { Usage = usage }, xml);

    private static IResult Respond(int status, CarsXeResponse response, bool xml) => xml
        ? Results.Text(CarsXeXml.Write(response), "application/xml; charset=utf-8", statusCode: status)
        : Results.Json(response, Json, "application/json; charset=utf-8", status);
}
