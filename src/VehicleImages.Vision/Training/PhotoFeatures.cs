using VehicleImages.Application.Vision;
using VehicleImages.Imaging;
using VehicleImages.Vision.Backbone;

namespace VehicleImages.Vision.Training;

/// <summary>
/// A labelled photo after the backbone: as the service sees it, mirrored (for training only), and how much of each
/// feature-map cell its mask covers when it has one.
/// </summary>
public sealed record PhotoFeatures(LabelledPhoto Photo, VisionInput Input, FeatureMap Mirrored, double[]? CellCoverage);

/// <summary>Runs the backbone over labelled photos, a few at a time.</summary>
public sealed class FeatureExtractor(ImageProcessor imaging, ResNetBackbone backbone)
{
    /// <summary>
    /// The features of every photo that decodes; the others are returned with the reason, as ingest would refuse
    /// them. Photos come back in the order given, whatever the parallelism.
    /// </summary>
    public (IReadOnlyList<PhotoFeatures> Features, IReadOnlyList<(LabelledPhoto Photo, string Reason)> Skipped) Extract(
        IReadOnlyList<LabelledPhoto> photos, Func<LabelledPhoto, byte[]> read, int parallelism, Action? advanced = null)
    {
        ArgumentNullException.ThrowIfNull(photos);
        ArgumentNullException.ThrowIfNull(read);
        var results = new (PhotoFeatures? Features, string? Reason)[photos.Count];
        Parallel.For(0, photos.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism) }, i =>
        {
            results[i] = ExtractOne(photos[i], read);
            advanced?.Invoke();
        });
        var features = results.Where(result => result.Features is not null).Select(result => result.Features!).ToList();
        var skipped = photos.Select((photo, i) => (photo, results[i].Reason)).Where(entry => entry.Reason is not null).Select(entry => (entry.photo, entry.Reason!)).ToList();
        return (features, skipped);
    }

    private (PhotoFeatures?, string?) ExtractOne(LabelledPhoto photo, Func<LabelledPhoto, byte[]> read)
    {
        try
        {
            var pixels = imaging.Decode(read(photo), VisionStage.InputEdge).Pixels();
            var input = VisionInput.Of(backbone, pixels);
            var coverage = photo.Mask is { } mask ? Coverage(File.ReadAllBytes(mask)) : null;
            return (new PhotoFeatures(photo, input, input.Mirrored(backbone).Map, coverage), null);
        }
        catch (Exception e) when (e is ImageRejectedException or IOException or UnauthorizedAccessException or Imaging.Vips.VipsException)
        {
            return (null, e.Message);
        }
    }

    // The mask squeezed to the feature map's grid the way the photo is squeezed to the backbone's input, so each
    // value is the share of that cell the car covers.
    private double[] Coverage(byte[] mask)
    {
        var grid = BackboneInput.ToRgb(imaging.Decode(mask, VisionStage.InputEdge).Pixels()).ResizedTo(FeatureMap.Size, FeatureMap.Size);
        return [.. Enumerable.Range(0, FeatureMap.Size * FeatureMap.Size).Select(cell => grid.Data[cell * 3] / 255d)];
    }
}
