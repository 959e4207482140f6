using VehicleImages.Domain.Colours;
using VehicleImages.Domain.Images;
using VehicleImages.Domain.Search;

namespace VehicleImages.Application.Curation;

/// <summary>An image's curated labels as the audit log records them, in the words the admin API uses.</summary>
internal sealed record LabelSnapshot(
    string Make, string Model, string? Years, string? Trim, string? Body, string View, string PhotoType, string? ColourName, string? Colour,
    string? Licence, string? LicenceNote, IReadOnlyList<string> Quality)
{
    public static LabelSnapshot Of(ImageMatch match)
    {
        var (image, configuration) = (match.Image, match.Configuration);
        return new LabelSnapshot(
            configuration.Make, configuration.Model, configuration.Years?.ToString(), configuration.Trim, configuration.Body,
            ViewNames.Name(image.View), image.PhotoType.ToString().ToLowerInvariant(), image.ColourName,
            image.Colour is { } colour ? GenericColours.Name(colour) : null, image.License?.ToString(), image.LicenseNote, image.Quality.Reasons);
    }
}
