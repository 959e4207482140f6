using VehicleImages.Domain.Images;
using VehicleImages.Domain.Vision;
using VehicleImages.Imaging;
using VehicleImages.Imaging.Analysis;

namespace VehicleImages.Application.Vision;

/// <summary>
/// Vision as ingest and backfill use it: what the models see, merged into an image's labels by the policy.
/// Registered only when vision is on; ingest without it stores no predictions and fills no labels.
/// </summary>
public sealed class VisionStage(IImageVision vision, VisionOptions options)
{
    private readonly VisionPolicy _policy = options.Policy;

    /// <summary>The size vision reads images at: the pixels ingest measures (the Medium rendition's step), so training, backfill and ingest see alike.</summary>
    public static int InputEdge => ImageAnalysis.DetailEdge;

    public string Models => vision.Models;

    public VisionPrediction See(PixelBuffer pixels) => vision.See(pixels);

    public VehicleImage Apply(VehicleImage image, VisionPrediction prediction) => _policy.Apply(image, prediction);
}
