using VehicleImages.Domain.Images;
using VehicleImages.Domain.Quality;
using VehicleImages.Domain.Renditions;
using VehicleImages.Domain.Vision;
using VehicleImages.Storage.Blobs;
using VehicleImages.Storage.Curation;

namespace VehicleImages.Vision.Training;

/// <summary>
/// The library's own images as training photos: only what people said counts, never what vision predicted, so
/// retraining learns from the operator's labels and curators' decisions rather than from its own guesses.
/// </summary>
public static class LibraryPhotos
{
    private const string Scheme = "library:";

    public static async Task<IReadOnlyList<LabelledPhoto>> ReadAsync(ICatalogCuration curation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(curation);
        var photos = new List<LabelledPhoto>();
        await foreach (var image in curation.AllImagesAsync(null, cancellationToken))
        {
            if (Photo(image) is { } photo)
            {
                photos.Add(photo);
            }
        }

        return photos;
    }

    /// <summary>The original's bytes for a library photo, the file's for any other.</summary>
    public static byte[] Read(LabelledPhoto photo, IBlobStore blobs)
    {
        ArgumentNullException.ThrowIfNull(photo);
        ArgumentNullException.ThrowIfNull(blobs);
        if (!photo.Source.StartsWith(Scheme, StringComparison.Ordinal))
        {
            return File.ReadAllBytes(photo.Source);
        }

        var key = photo.Source[Scheme.Length..];
        return blobs.GetAsync(key, CancellationToken.None).GetAwaiter().GetResult()
            ?? throw new IOException($"The library's original {key} is missing from the blob store.");
    }

    /// <summary>What people said about one image; null when they said nothing a head can learn from.</summary>
    public static LabelledPhoto? Photo(VehicleImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var origins = image.Origins;
        var content = Content(image);
        IReadOnlyList<View>? views = Said(origins.View) && ViewRing.Clockwise.Contains(image.View) ? [image.View] : null;
        var colour = Said(origins.Colour) && image.PhotoType == PhotoType.Exterior ? image.Colour : null;
        if (content is null && views is null && colour is null)
        {
            return null;
        }

        return new LabelledPhoto(
            Source: Scheme + BlobKeys.Original(image.Hash),
            Group: image.Vin is { } vin ? "vin:" + vin : "configuration:" + image.ConfigurationId,
            Domain: "library",
            Content: content,
            Views: views,
            Colour: colour);
    }

    // A curator's verdict says what the picture is: "good" keeps its photo type's class; "bad" confirms the class
    // vision gave it when that class is one the gate drops (marked bad for blur, say, teaches no content class).
    // Without a curator, a given photo type counts unless the gate doubted the picture.
    private static ContentClass? Content(VehicleImage image)
    {
        var photoTypeClass = image.PhotoType switch
        {
            PhotoType.Interior => ContentClass.Interior,
            PhotoType.Engine => ContentClass.Engine,
            _ => ContentClass.Exterior,
        };
        if (image.Origins.Verdict == LabelSource.Curator)
        {
            if (image.Quality.IsGood)
            {
                return photoTypeClass;
            }

            return image.Quality.Issues.HasFlag(QualityIssues.MarkedBad) && image.Vision is { Content: var seen } && !seen.IsVehiclePhoto() ? seen : null;
        }

        return Said(image.Origins.PhotoType) && !image.Quality.Issues.HasFlag(QualityIssues.NotVehiclePhoto) ? photoTypeClass : null;
    }

    private static bool Said(LabelSource source) => source is LabelSource.Given or LabelSource.Curator;
}
