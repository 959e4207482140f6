using VehicleImages.Domain.Vision;
using VehicleImages.Imaging;

namespace VehicleImages.Application.Vision;

/// <summary>
/// Sees what a photo shows: its content class, view and body colour. The application owns this seam so that
/// nothing but the vision project depends on a model runtime; with vision off there is no implementation at all.
/// </summary>
public interface IImageVision
{
    /// <summary>The backbone and heads, as stored with every prediction they make.</summary>
    string Models { get; }

    /// <summary>
    /// What <paramref name="pixels"/> (any size, grey or colour, with or without alpha) show. Thread-safe. Throws
    /// <see cref="VisionFailedException"/> when the model runtime fails on this image.
    /// </summary>
    VisionPrediction See(PixelBuffer pixels);
}
