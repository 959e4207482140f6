using VehicleImages.Domain.Colours;
using VehicleImages.Domain.Images;
using VehicleImages.Domain.Search;

namespace VehicleImages.Application.Curation;

/// <summary>An image's curated labels and where each came from, as the audit log records them, in the words the admin API uses.</summary>
internal sealed record LabelSnapshot(
    string Make, string Model, string? Years, string? Trim, string? Body, string View, string PhotoType, string? ColourName, string? Colour,
    string? Licence, string? LicenceNote, IReadOnlyList<string> Quality, string ViewOrigin, string PhotoTypeOrigin, string ColourOrigin,
    string VerdictOrigin)
{
    public static LabelSnapshot Of(ImageMatch match)
    {
        var (image, configuration) = (match.Image, match.Configuration);
        var origins = image.Origins;
        return new LabelSnapshot(
            configuration.Make, configuration.Model, configuration.Years?.ToString(), configuration.Trim, configuration.Body,
            ViewNames.Name(image.View), image.PhotoType.ToString().ToLowerInvariant(), image.ColourName,
            image.Colour is { } colour ? GenericColours.Name(colour) : null, image.License?.ToString(), image.LicenseNote, image.Quality.Reasons,
            Name(origins.View), Name(origins.PhotoType), Name(origins.Colour), Name(origins.Verdict));
    }

    /// <summary>"given", "predicted", "curator" or "none".</summary>
    public static string Name(LabelSource source) => source.ToString().ToLowerInvariant();
}
