using Microsoft.AspNetCore.Http;
using VehicleImages.Api.Http;
using VehicleImages.Application.Media;
using VehicleImages.Domain.Colours;
using VehicleImages.Domain.Images;
using VehicleImages.Domain.Search;
using VehicleImages.Domain.Vocabulary;

namespace VehicleImages.Api.Admin;

/// <summary>
/// One family's request that returns the image, as a curl line to paste, and what to know about it; no curl line
/// when the family cannot return this image, and the note says why.
/// </summary>
public sealed record ApiCallAnswer(string Family, string? Curl, string? Note);

/// <summary>
/// The requests that return an image in each family, for the image page: the key is left as
/// <c>$VEHICLE_IMAGES_KEY</c>, never filled in with the admin's own. Values are URL-encoded, so the double-quoted
/// URLs hold nothing a shell would expand but the key variable.
/// </summary>
internal static class ImageApiCalls
{
    public const string KeyVariable = "$VEHICLE_IMAGES_KEY";

    public static IReadOnlyList<ApiCallAnswer> For(ImageMatch match, HttpRequest request, MediaOptions media)
    {
        var (image, configuration) = (match.Image, match.Configuration);
        var root = AbsoluteUrls.Of(request, media, "");
        var notServed = image.Quality.IsGood ? null : "Its quality verdict is not good, so it is left out unless validation is off.";
        var colour = image.Colour is { } generic ? GenericColours.Name(generic) : null;
        var calls = new List<ApiCallAnswer>();

        var carsXe = new List<(string, string?)>
        {
            ("make", configuration.Make), ("model", configuration.Model), ("year", configuration.Years?.From.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("trim", configuration.Trim), ("angle", CarsXeAngle(image.View)),
            ("photoType", image.PhotoType == PhotoType.Exterior ? null : image.PhotoType.ToString().ToLowerInvariant()),
            ("color", colour), ("validate", image.Quality.IsGood ? null : "false"),
        };
        calls.Add(new ApiCallAnswer("CarsXE", $"curl -s \"{root}/images?key={KeyVariable}{Query(carsXe)}\"", "Up to 10 images, best first; this one among them."));

        if (image.Vin is { } vin)
        {
            calls.Add(new ApiCallAnswer("auto.dev", $"curl -s -H \"Authorization: Bearer {KeyVariable}\" \"{root}/photos/{Uri.EscapeDataString(vin)}\"", "Every photo of the vehicle, in gallery order."));
        }
        else
        {
            calls.Add(new ApiCallAnswer("auto.dev", null, "Not returned: auto.dev finds photos by VIN, and this image has none."));
        }

        if (OneAutoViews.Slots.FirstOrDefault(slot => slot.Views.Contains(image.View)) is { } slot)
        {
            var oneAuto = new List<(string, string?)>
            {
                ("image_id", OneAutoImageIds.Format(configuration.Id, slot)),
                ("generic_colour_desc", colour),
                ("image_background", image.HasAlpha ? "Transparent" : "Opaque"),
            };
            calls.Add(new ApiCallAnswer(
                "OneAuto", $"curl -s -H \"x-api-key: {KeyVariable}\" \"{root}/vehicleimagery/imagefromid?{Query(oneAuto)[1..]}\"",
                notServed ?? $"One image per view ({slot.Name}) and colour: this one when it is the best of them."));
        }
        else
        {
            calls.Add(new ApiCallAnswer("OneAuto", null, $"Not returned: OneAuto has no image slot for the {ViewNames.Name(image.View).Replace('_', ' ')} view."));
        }

        if (image.Vin is { } nativeVin)
        {
            calls.Add(new ApiCallAnswer("native", $"curl -s -H \"X-API-Key: {KeyVariable}\" \"{root}/v1/vins/{Uri.EscapeDataString(nativeVin)}\"", "The decoded VIN and its photos."));
        }
        else
        {
            calls.Add(new ApiCallAnswer("native", null, "Not returned: the native API finds photos by VIN, and this image has none."));
        }

        return calls;
    }

    // The angle whose views include this one; interior, engine and unknown views have none.
    private static string? CarsXeAngle(View view) =>
        CarsXeAngles.Documented.Where(angle => angle != "back").FirstOrDefault(angle => CarsXeAngles.TryViews(angle, out var views) && views.Contains(view));

    private static string Query(IEnumerable<(string Name, string? Value)> parameters) =>
        string.Concat(parameters.Where(p => p.Value is not null).Select(p => $"&{p.Name}={Uri.EscapeDataString(p.Value!)}"));
}
