using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using VehicleImages.Api.Access;
using VehicleImages.Api.Http;
using VehicleImages.Api.Media;
using VehicleImages.Application.Media;
using VehicleImages.Domain.Images;
using VehicleImages.Domain.Keys;
using VehicleImages.Domain.Renditions;
using VehicleImages.Domain.Vins;
using VehicleImages.Storage.Catalog;

namespace VehicleImages.Api.AutoDev;

/// <summary>
/// auto.dev-compatible vehicle photos: <c>GET /photos/{vin}</c> lists one vehicle's photos in gallery order, and
/// the photo files live at the vendor's own pattern <c>/photos/{source}/{VIN}-{n}.jpg</c>, signed without expiry
/// because the vendor's URLs are permanent and listing sites store them.
/// </summary>
public static partial class AutoDevEndpoints
{
    private static readonly string[] Sources = ["retail", "wholesale"];

    public static IEndpointRouteBuilder MapAutoDev(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/photos/{vin}", PhotosAsync)
            .AnswerFailuresIn("auto.dev", AutoDevErrors.Failure)
            .RequireKey(ApiFamily.AutoDev, PresentedKeys.AutoDev, AutoDevErrors.Refuse)
            .WithName("AutoDevPhotos")
            .WithTags("auto.dev")
            .WithSummary("Photos of one vehicle by VIN (auto.dev wire format): {\"data\":{\"retail\":[urls]}}.");
        routes.MapGet("/photos/{source}/{file}", PhotoFileAsync)
            .AnswerFailuresIn("auto.dev", AutoDevErrors.Failure)
            .WithName("AutoDevPhotoFile")
            .WithTags("auto.dev")
            .WithSummary("One photo file, behind a signed, permanent link (?sig=); ?width= picks a smaller size (JPEG).")
            .DescribesLinkQuery("Absent on the permanent links the API hands out; present on expiring photo links handed out before, honoured until then.");
        return routes;
    }

    private static async Task<IResult> PhotosAsync(
        string vin, HttpContext context, ICatalog catalog, MediaLinks links, MediaOptions media, CancellationToken cancellationToken)
    {
        if (!IsUsable(vin, out var parsed, out var reason))
        {
            return AutoDevErrors.NotFound(context, $"This vehicle does not have any photos available: {reason}. Please try a different VIN.");
        }

        // A valid VIN with no photos is not an error: the vendor answers with empty arrays.
        var photos = await catalog.FindByVinAsync(parsed.Value, cancellationToken);
        var data = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal) { ["retail"] = [] };
        foreach (var group in photos.GroupBy(SourceName))
        {
            data[group.Key] = [.. group.Select((_, index) => AbsoluteUrls.Of(context.Request, media, links.Permanent(PhotoPath(group.Key, parsed, index + 1))))];
        }

        return Results.Json(new { data });
    }

    private static async Task<IResult> PhotoFileAsync(
        string source, string file, HttpContext context, LinkSigner signer, ICatalog catalog, MediaResponder responder, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var match = PhotoFile().Match(file);
        if (!Sources.Contains(source) || !match.Success || !Vin.TryParse(match.Groups["vin"].Value, out var vin, out _) ||
            !int.TryParse(match.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n == 0)
        {
            return AutoDevErrors.NotFound(context, "No such photo.");
        }

        // Authorise before any lookup, so forged links learn nothing about which VINs have photos: the one spelling
        // the API hands out, signed by us. A link with exp= is one of the expiring photo links handed out before they
        // became permanent: honoured, under the same rules, until it expires.
        var path = PhotoPath(source, vin, n);
        if (!LinkQuery.TryRead(context.Request, path, out var query, out var refusal))
        {
            return Refuse(context, refusal);
        }

        var now = clock.GetUtcNow();
        var signed = query.Expires is { } expires ? signer.Verify(path, expires, query.Signature, now) : signer.VerifyPermanent(path, query.Signature, now);
        if (!signed)
        {
            return AutoDevErrors.Forbidden(context, "The photo link's signature is missing, wrong or no longer valid; ask /photos/{vin} for its links again.");
        }

        if (!query.TryWidth(out var width, out refusal))
        {
            return Refuse(context, refusal);
        }

        var photos = (await catalog.FindByVinAsync(vin.Value, cancellationToken)).Where(p => SourceName(p) == source).ToList();
        if (n > photos.Count)
        {
            return AutoDevErrors.NotFound(context, "No such photo.");
        }

        // JPEG by default, as the vendor serves: the original itself when it already is one, else a JPEG at full size.
        var image = photos[n - 1];
        var size = width is { } w ? MediaSizing.ForWidth(w) : RenditionSize.Original;
        var variant = size == RenditionSize.Original && image.Format == ImageFormat.Jpeg
            ? MediaVariant.Original
            : new MediaVariant(size, Background.Opaque, ImageFormat.Jpeg);
        return await responder.RespondAsync(context, image, variant, query.Expires, cancellationToken);
    }

    private static IResult Refuse(HttpContext context, LinkRefusal refusal) => refusal.Status == StatusCodes.Status400BadRequest
        ? AutoDevErrors.BadRequest(context, refusal.Message)
        : AutoDevErrors.Forbidden(context, refusal.Message);

    // A VIN with photos must be well formed and, for North American VINs, carry its check digit.
    private static bool IsUsable(string text, out Vin vin, out string reason)
    {
        if (!Vin.TryParse(text, out var parsed, out var problem))
        {
            vin = null!;
            reason = Native.VinReport.Describe(problem);
            return false;
        }

        vin = parsed;
        reason = parsed.IsNorthAmerican && !parsed.HasValidCheckDigit ? "its check digit is wrong" : "";
        return reason.Length == 0;
    }

    private static string SourceName(VehicleImage image) => image.Source == ImageSource.Wholesale ? "wholesale" : "retail";

    private static string PhotoPath(string source, Vin vin, int n) => string.Create(CultureInfo.InvariantCulture, $"/photos/{source}/{vin.Value}-{n}.jpg");

    [GeneratedRegex("^(?<vin>[A-Za-z0-9]{17})-(?<n>[0-9]{1,4})\\.jpg$")]
    private static partial Regex PhotoFile();
}
