using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using VehicleImages.Api.Access;
using VehicleImages.Api.Http;
using VehicleImages.Application.Answers;
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
    private const string JsonType = "application/json; charset=utf-8";
    private const string XmlType = "application/xml; charset=utf-8";

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
            .RequireKey(ApiFamily.CarsXe, PresentedKeys.CarsXe, CarsXeRefusals.Refuse)
            .WithName("CarsXeImages")
            .WithTags("CarsXE")
            .WithSummary("Vehicle images by year, make, model, trim, colour and angle (CarsXE wire format).")
            .WithDescription("Parameters as CarsXE documents them: key, make, model, year, trim, color, transparent, angle, photoType, size, license, format, validate.");
        return routes;
    }

    private static async Task<IResult> ImagesAsync(
        HttpContext context, ICatalog catalog, ImageLinks links, MediaLinks signing, MediaOptions media, AnswerCache answers, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var query = context.Request.Query;

        if (!CarsXeRequests.TryRead(query, out var request, out var problem))
        {
            return Error(StatusCodes.Status400BadRequest, problem, CarsXeRequests.Echo(query), CarsXeRequests.WantsXml(query));
        }

        // Access was checked and the request metered before this handler: a remembered answer is still a request.
        var root = AbsoluteUrls.Root(context.Request, media);
        var key = AnswerKey(request, root, signing.ExpiryFor(clock.GetUtcNow()));
        var body = await answers.GetOrMakeAsync(key, token => AnswerAsync(request, root, catalog, links, token), cancellationToken);
        return Results.Bytes(body, request.Xml ? XmlType : JsonType);
    }

    /// <summary>
    /// Everything the bytes of a successful answer depend on besides the catalog: the parameters as echoed (all but
    /// the key and the SDKs' source tag, in the order sent, so "F-PACE" and "f-pace" are two answers as their echoes
    /// differ; format and size are among them), the root of the links, and the links' expiry bucket. The key names no
    /// API key: the answer does not depend on who asks. An answer made across a bucket's end may carry the next
    /// bucket's expiry under this one's key: later, never earlier, than a new answer's.
    /// </summary>
    private static string AnswerKey(CarsXeRequest request, string root, long linkExpiry)
    {
        var key = new StringBuilder("carsxe-images\n").Append(root).Append('\n').Append(linkExpiry.ToString(CultureInfo.InvariantCulture));
        foreach (var (name, value) in request.Echo)
        {
            key.Append('\n').Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
        }

        return key.ToString();
    }

    private static async Task<byte[]> AnswerAsync(CarsXeRequest request, string root, ICatalog catalog, ImageLinks links, CancellationToken cancellationToken)
    {
        var matches = await catalog.SearchAsync(request.Search, cancellationToken);
        var images = new List<CarsXeImage>(matches.Count);
        foreach (var match in matches)
        {
            images.Add(await DescribeAsync(match, request.Size, root, links, cancellationToken));
        }

        var response = new CarsXeResponse(request.Echo, images, Success: true, Error: "");
        return request.Xml ? Encoding.UTF8.GetBytes(CarsXeXml.Write(response)) : JsonSerializer.SerializeToUtf8Bytes(response, Json);
    }

    private static async Task<CarsXeImage> DescribeAsync(ImageMatch match, CarsXeSize size, string root, ImageLinks links, CancellationToken cancellationToken)
    {
        var image = match.Image;
        var served = size == CarsXeSize.All
            ? await links.OriginalAsync(image, cancellationToken)
            : await links.RenditionAsync(image, Enum.Parse<RenditionSize>(size.ToString()), cancellationToken);
        var thumbnail = await links.RenditionAsync(image, RenditionSize.Thumbnail, cancellationToken);
        return new CarsXeImage(
            served.Format.MimeType(),
            root + served.Link,
            image.ContextLink ?? "",
            served.Height,
            served.Width,
            served.ByteSize,
            root + thumbnail.Link,
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
        ? Results.Text(CarsXeXml.Write(response), XmlType, statusCode: status)
        : Results.Json(response, Json, JsonType, status);
}
