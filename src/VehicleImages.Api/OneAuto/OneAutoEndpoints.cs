using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using VehicleImages.Api.Access;
using VehicleImages.Api.Http;
using VehicleImages.Application.Media;
using VehicleImages.Application.Renditions;
using VehicleImages.Application.Vins;
using VehicleImages.Domain.Colours;
using VehicleImages.Domain.Images;
using VehicleImages.Domain.Keys;
using VehicleImages.Domain.Renditions;
using VehicleImages.Domain.Search;
using VehicleImages.Domain.Text;
using VehicleImages.Domain.Vins;
using VehicleImages.Domain.Vocabulary;
using VehicleImages.Storage.Catalog;

namespace VehicleImages.Api.OneAuto;

/// <summary>
/// OneAuto-compatible vehicle imagery: searches that return image IDs per view and the colours really held, and
/// <c>imagefromid</c>, which turns an ID into a link in a colour and on a background.
/// </summary>
public static class OneAutoEndpoints
{
    private static readonly string[] Backgrounds = ["Transparent", "Opaque"];

    // As long as the vendor's presigned links live (X-Amz-Expires=604800), which is also SigV4's limit.
    private static readonly TimeSpan BucketLinkLifetime = TimeSpan.FromDays(7);

    public static IEndpointRouteBuilder MapOneAuto(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/vehicleimagery").WithTags("OneAuto")
            .AnswerFailuresIn("OneAuto", OneAutoResults.Failure)
            .RequireKey(ApiFamily.OneAuto, PresentedKeys.OneAuto, OneAutoResults.Refuse);
        group.MapGet("/imagesearch", SearchAsync).WithSummary("Image IDs and colours by manufacturer, model range and year.");
        group.MapGet("/imagesearchfromvin", SearchFromVinAsync).WithSummary("Image IDs and colours for the vehicle a VIN identifies.");
        group.MapGet("/imagesearchfromvrm", SearchFromVrmAsync).WithSummary("Image IDs and colours for a UK registration mark the library knows.");
        group.MapGet("/imagefromid", ImageFromIdAsync).WithSummary("A link (valid 7 days) to an image ID in a colour and on a background.");
        return routes;
    }

    private static async Task<IResult> SearchAsync(HttpContext context, ICatalog catalog, CancellationToken cancellationToken)
    {
        var query = context.Request.Query;
        if (Missing(query, "manufacturer_desc", "model_range_desc", "manufactured_year") is { } missing)
        {
            return OneAutoResults.BadRequest($"Missing required parameter: {missing}");
        }

        if (!int.TryParse(query["manufactured_year"], NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 1886 or > 2100)
        {
            return OneAutoResults.BadRequest("Invalid parameter: manufactured_year must be a year such as 2019");
        }

        var summaries = await catalog.SummariseAsync(
            new ConfigurationSearch(query["manufacturer_desc"]!, query["model_range_desc"]!, year, query["derivative_desc"], query["body_type_desc"]),
            cancellationToken);
        return summaries.Count == 0 ? OneAutoResults.NoContent() : OneAutoResults.Ok(summaries.Select(s => OneAutoVehicles.Describe(s, year)).ToList());
    }

    private static async Task<IResult> SearchFromVinAsync(
        HttpContext context, ICatalog catalog, VinDecoder decoder, CancellationToken cancellationToken)
    {
        var query = context.Request.Query;
        if (Missing(query, "vehicle_identification_number") is { } missing)
        {
            return OneAutoResults.BadRequest($"Missing required parameter: {missing}");
        }

        if (!Vin.TryParse(query["vehicle_identification_number"], out var vin, out _) || (vin.IsNorthAmerican && !vin.HasValidCheckDigit))
        {
            return OneAutoResults.BadRequest("Invalid parameter: vehicle_identification_number is not a valid VIN");
        }

        // Every configuration the VIN may be, best first: those the library's photos of this very vehicle were filed
        // under, then the decoded model's, the decoded trim before the others. A VIN seldom pins the trim, and
        // clients read the first, so listing the rest costs them nothing and shows what else the library holds.
        var decoded = await decoder.DecodeAsync(vin, cancellationToken);
        var own = await SummariesOfAsync(catalog, await catalog.FindByVinAsync(vin.Value, cancellationToken), cancellationToken);
        IReadOnlyList<ConfigurationSummary> decodedModel = decoded is { Make: { } make, Model: { } model }
            ? await catalog.SummariseAsync(new ConfigurationSearch(make, model, decoded.ModelYear), cancellationToken)
            : [];
        var trimKey = MatchKey.Of(decoded.Trim);
        var summaries = own
            .Concat(decodedModel.OrderByDescending(s => trimKey.Length > 0 && MatchKey.Of(s.Configuration.Trim) == trimKey))
            .DistinctBy(s => s.Configuration.Id)
            .ToList();
        return Identified(summaries, decoded.ModelYear);
    }

    private static async Task<IResult> SearchFromVrmAsync(HttpContext context, ICatalog catalog, CancellationToken cancellationToken)
    {
        var query = context.Request.Query;
        if (Missing(query, "vehicle_registration_mark") is { } missing)
        {
            return OneAutoResults.BadRequest($"Missing required parameter: {missing}");
        }

        // A registration mark is only known when an ingested row carried one: anything else is "no content".
        var summaries = await SummariesOfAsync(catalog, await catalog.FindByRegistrationAsync(query["vehicle_registration_mark"]!, cancellationToken), cancellationToken);
        return Identified(summaries, askedYear: null);
    }

    private static IResult Identified(IReadOnlyList<ConfigurationSummary> summaries, int? askedYear) =>
        summaries.Count == 0
            ? OneAutoResults.NoContent()
            : OneAutoResults.Ok(new OneAutoIdentified([.. summaries.Select(s => OneAutoVehicles.Describe(s, askedYear))]));

    private static async Task<IResult> ImageFromIdAsync(
        HttpContext context, ICatalog catalog, ImageLinks links, PresignedRenditionLinks bucketLinks, RenditionService renditions, MediaOptions media, CancellationToken cancellationToken)
    {
        var query = context.Request.Query;
        if (Missing(query, "image_id") is { } missing)
        {
            return OneAutoResults.BadRequest($"Missing required parameter: {missing}");
        }

        if (!OneAutoImageIds.TryParse(query["image_id"], out var configuration, out var slot))
        {
            return OneAutoResults.BadRequest("Invalid parameter: image_id must be '<configuration id>-<view index>' as returned by a search");
        }

        var background = query["image_background"].ToString();
        if (background.Length > 0 && !Backgrounds.Contains(background, StringComparer.OrdinalIgnoreCase))
        {
            return OneAutoResults.BadRequest($"Invalid parameter: image_background must be one of {string.Join(", ", Backgrounds)}");
        }

        // The literal string "true", as the vendor documents; "1" or "yes" are mistakes worth reporting.
        var ignoreIssues = query["ignore_issues"].ToString();
        if (ignoreIssues.Length > 0 && ignoreIssues is not ("true" or "false"))
        {
            return OneAutoResults.BadRequest("Invalid parameter: ignore_issues must be the string true (or false)");
        }

        // Not the vendor's: framed=true trims the background and pads every car into the same frame, so a row of
        // them lines up.
        var framedText = query["framed"].ToString();
        if (framedText.Length > 0 && framedText is not ("true" or "false"))
        {
            return OneAutoResults.BadRequest("Invalid parameter: framed must be the string true (or false)");
        }

        var framed = framedText == "true";
        GenericColour? colour = null;
        var colourName = query["generic_colour_desc"].ToString();
        if (colourName.Length > 0 && (colour = GenericColours.FromName(colourName)) is null)
        {
            return OneAutoResults.BadRequest($"Invalid parameter: generic_colour_desc '{colourName}' names no known colour");
        }

        var transparent = background.Equals("Transparent", StringComparison.OrdinalIgnoreCase);
        var candidates = await catalog.FindByConfigurationAsync(configuration, slot.Views, cancellationToken);
        if (candidates.Count == 0)
        {
            return OneAutoResults.NoContent();
        }

        var chosen = ImageChoice.Pick(candidates, slot, colour, acceptNearestColour: ignoreIssues == "true", transparent);
        if (chosen is null)
        {
            return OneAutoResults.BadRequest("Requested color not found for this car");
        }

        var image = chosen.Image;
        var warnings = new List<string>();
        if (chosen.ColourSubstituted)
        {
            warnings.Add($"Requested color {GenericColours.Name(colour!.Value)} not found for this car; nearest is {(image.Colour is { } c ? GenericColours.Name(c) : "unknown")}");
        }

        // Transparent: a cut-out keeps its own alpha; a photo without alpha has its plain background removed, made
        // once and stored like any rendition. When the background is not plain enough to remove cleanly the answer
        // is the opaque image with 206, never a bad cut-out.
        var spec = new RenditionSpec(RenditionSize.Wallpaper, Background.Opaque, ImageFormat.Jpeg, framed);
        if (transparent)
        {
            var outcome = await renditions.CutoutAsync(image, spec with { Background = Background.Cutout, Format = ImageFormat.Png }, cancellationToken);
            spec = outcome.Rendition.Spec;
            if (outcome.Refusal is { } refusal)
            {
                warnings.Add($"A transparent background is not available for this image, so it is served on white ({refusal})");
            }
        }

        var result = new { ImageUrl = await ImageUrlAsync(context, image, spec, links, bucketLinks, media, cancellationToken) };
        return warnings.Count == 0 ? OneAutoResults.Ok(result) : OneAutoResults.Partial(result, string.Join("; ", warnings));
    }

    // With an S3 bucket, the vendor's kind of link: presigned, straight to the bucket. Otherwise a signed media link.
    private static async Task<string> ImageUrlAsync(
        HttpContext context, VehicleImage image, RenditionSpec spec, ImageLinks links, PresignedRenditionLinks bucketLinks, MediaOptions media, CancellationToken cancellationToken)
    {
        if (await bucketLinks.ForAsync(image, spec, BucketLinkLifetime, cancellationToken) is { } bucketLink)
        {
            return bucketLink.AbsoluteUri;
        }

        var served = await links.RenditionAsync(image, spec, cancellationToken);
        return AbsoluteUrls.Of(context.Request, media, served.Link);
    }

    // The configurations the images were filed under, the one holding most of them first.
    private static async Task<IReadOnlyList<ConfigurationSummary>> SummariesOfAsync(ICatalog catalog, IReadOnlyList<VehicleImage> images, CancellationToken cancellationToken)
    {
        var summaries = new List<ConfigurationSummary>();
        foreach (var id in images.GroupBy(i => i.ConfigurationId).OrderByDescending(g => g.Count()).Select(g => g.Key))
        {
            if (await catalog.FindConfigurationAsync(id, cancellationToken) is { } configuration)
            {
                summaries.AddRange((await catalog.SummariseAsync(
                    new ConfigurationSearch(configuration.Make, configuration.Model, configuration.Years?.From, configuration.Trim, configuration.Body), cancellationToken))
                    .Where(s => s.Configuration.Id == id));
            }
        }

        return summaries;
    }

    private static string? Missing(IQueryCollection query, params string[] names) =>
        names.FirstOrDefault(name => string.IsNullOrWhiteSpace(query[name]));
}
