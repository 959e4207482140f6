using VehicleImages.Domain.Renditions;
using VehicleImages.Imaging;
using VehicleImages.Imaging.Analysis;

namespace VehicleImages.Application.Renditions;

/// <summary>What ingest derives from the one decode: the default rendition of each standard size, and the measurements.</summary>
/// <param name="Renditions">The default rendition of each standard size.</param>
/// <param name="Measurements">The quality measurements.</param>
/// <param name="Detail">The pixels the measurements were taken on (at most the Medium size), for vision to read too.</param>
public sealed record StandardRenditionSet(IReadOnlyList<(RenditionSpec Spec, EncodedImage Image)> Renditions, ImageMeasurements Measurements, PixelBuffer Detail);

/// <summary>The default rendition of each standard size, made at ingest from the one decode.</summary>
public static class StandardRenditions
{
    /// <summary>The decode ingest needs: big enough for the largest standard size.</summary>
    public static int DecodeEdge => RenditionSize.Wallpaper.LongEdge()!.Value;

    /// <summary>
    /// Walks down the sizes, largest first, each made from the one before: every resize then reads a smaller
    /// image, which costs far less than resizing each size (or each analysis sample) from the full decode. Sizes
    /// that come out the same as a larger one (a box the original already fits) are encoded once, as the Original,
    /// which a JPEG that needs nothing done to it gets as its own bytes without metadata (ImageProcessor.AsIs).
    /// </summary>
    public static StandardRenditionSet Render(ImageProcessor imaging, ReadOnlySpan<byte> original, DecodedImage decoded)
    {
        ArgumentNullException.ThrowIfNull(imaging);
        ArgumentNullException.ThrowIfNull(decoded);
        var header = decoded.Header;
        var made = new List<(RenditionSpec, EncodedImage)>();
        var seen = new HashSet<RenditionSpec>();
        var source = decoded;
        ImageMeasurements? measurements = null;
        PixelBuffer? detail = null;
        foreach (var size in RenditionSizes.Standard)
        {
            var edge = size.LongEdge()!.Value;
            source = source.Shrink(edge);

            // Measured once, at the Medium step: the pixels are as large as the measurements are defined for.
            if (measurements is null && edge <= ImageAnalysis.DetailEdge)
            {
                detail = source.Pixels();
                measurements = ImageAnalysis.Measure(detail);
            }

            var spec = RenditionSpec.Default(size, header.HasAlpha).Canonical(header.Width, header.Height, header.HasAlpha);
            if (seen.Add(spec))
            {
                made.Add((spec, imaging.AsIs(original, header, spec) ?? source.Encode(spec.Background, spec.Format)));
            }
        }

        detail ??= source.Pixels();
        return new StandardRenditionSet(made, measurements ?? ImageAnalysis.Measure(detail), detail);
    }
}
