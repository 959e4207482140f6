using System.Globalization;
using Microsoft.AspNetCore.Http;
using VehicleImages.Application.Curation;
using VehicleImages.Application.Media;
using VehicleImages.Domain.Colours;
using VehicleImages.Domain.Images;
using VehicleImages.Domain.Renditions;
using VehicleImages.Domain.Search;
using VehicleImages.Domain.Vision;

namespace VehicleImages.Api.Admin;

/// <summary>A configuration as the admin API shows it.</summary>
public sealed record ConfigurationAnswer(Guid Id, string Make, string Model, string? Trim, string? Body, string? Years);

/// <summary>The quality verdict: good or not, the reasons, and the image this one near-duplicates.</summary>
public sealed record QualityAnswer(bool Good, IReadOnlyList<string> Reasons, string? DuplicateOf);

/// <summary>One rendition: what it is, its real size, whether ingest made it (else the first request does), and its signed link.</summary>
public sealed record RenditionAnswer(string Size, string Background, string Format, int Width, int Height, long? ByteSize, bool MadeAtIngest, string Link);

/// <summary>Where the view, photo type, colour and quality verdict came from: given, predicted, curator or none.</summary>
public sealed record OriginsAnswer(string View, string PhotoType, string Colour, string Verdict);

/// <summary>
/// What the vision stage saw, each answer with its score (0–1), beside the labels: the content class and the
/// probability of a vehicle photo, every class's probability, the view, the body colour measured on the car, and
/// the fields where it differs from the label (which accepting it would change).
/// </summary>
public sealed record PredictionAnswer(
    string Models, string Content, string? PhotoType, bool VehiclePhoto, double VehiclePhotoScore, IReadOnlyDictionary<string, double> ContentScores,
    string View, double ViewScore, string? Colour, string? ColourHex, double ColourScore, IReadOnlyList<string> Differs);

/// <summary>Everything about one image, for its page in the admin UI.</summary>
public sealed record ImageAnswer(
    string Id, string Hash, ConfigurationAnswer Configuration, string View, string PhotoType, string? ColourName, string? Colour, string Source,
    string? Provenance, string? Vin, int? Sequence, string? Registration, string? Licence, string? LicenceNote, string? Attribution,
    string? ContextLink, string? DatePublished, string Format, int Width, int Height, long ByteSize, bool HasAlpha, string AccentColour,
    QualityAnswer Quality, OriginsAnswer Origins, PredictionAnswer? Prediction, DateTimeOffset IngestedAt, string Original, string Preview, IReadOnlyList<RenditionAnswer> Renditions,
    IReadOnlyList<ApiCallAnswer> ApiCalls);

/// <summary>Builds the image page's answer.</summary>
internal static class ImageDetails
{
    public static ImageAnswer Of(ImageMatch match, MediaLinks links, HttpRequest request, MediaOptions media)
    {
        var (image, configuration) = (match.Image, match.Configuration);
        var preview = RenditionSpec.Default(RenditionSize.Medium, image.HasAlpha).Canonical(image.Width, image.Height, image.HasAlpha);
        return new ImageAnswer(
            image.Id.ToString(), image.Hash.Hex,
            new ConfigurationAnswer(configuration.Id, configuration.Make, configuration.Model, configuration.Trim, configuration.Body, configuration.Years?.ToString()),
            ViewNames.Name(image.View), Lower(image.PhotoType), image.ColourName, image.Colour is { } colour ? GenericColours.Name(colour) : null,
            Lower(image.Source), image.Provenance, image.Vin, image.Sequence, image.Registration, image.License?.ToString(), image.LicenseNote,
            image.Attribution, image.ContextLink, image.DatePublished?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Lower(image.Format),
            image.Width, image.Height, image.ByteSize, image.HasAlpha, image.AccentColour,
            new QualityAnswer(image.Quality.IsGood, image.Quality.Reasons, image.Quality.DuplicateOf?.ToString()),
            Origins(image.Origins), Prediction(image), image.IngestedAt, links.For(image.Id, MediaVariant.Original), links.For(image.Id, MediaVariant.Rendition(preview)),
            Renditions(image, links), ImageApiCalls.For(match, request, media));
    }

    private static OriginsAnswer Origins(LabelOrigins origins) =>
        new(Lower(origins.View), Lower(origins.PhotoType), Lower(origins.Colour), Lower(origins.Verdict));

    private static PredictionAnswer? Prediction(VehicleImage image)
    {
        if (image.Vision is not { } seen)
        {
            return null;
        }

        var scores = ContentClasses.Known.Where(seen.ContentScores.ContainsKey).ToDictionary(content => content.Name(), content => seen.ContentScores[content]);
        return new PredictionAnswer(
            seen.Models, seen.Content.Name(), seen.Content.PhotoType() is { } photoType ? Lower(photoType) : null, seen.Content.IsVehiclePhoto(),
            seen.VehiclePhotoScore, scores, ViewNames.Name(seen.View), seen.ViewScore, seen.Colour is { } colour ? GenericColours.Name(colour) : null,
            seen.ColourHex, seen.ColourScore, Predictions.Differing(image));
    }

    private static List<RenditionAnswer> Renditions(VehicleImage image, MediaLinks links) =>
        [
            .. RenditionSpec.AllFor(image.Width, image.Height, image.HasAlpha).Select(spec =>
            {
                var stored = image.Renditions.FirstOrDefault(r => r.Spec == spec);
                var (width, height) = stored is null ? spec.Size.Fit(image.Width, image.Height) : (stored.Width, stored.Height);
                return new RenditionAnswer(
                    Lower(spec.Size), Lower(spec.Background), Lower(spec.Format), width, height, stored?.ByteSize, stored is not null,
                    links.For(image.Id, MediaVariant.Rendition(spec)));
            }),
        ];

    private static string Lower<T>(T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();
}
