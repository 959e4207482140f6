using VehicleImages.Domain.Renditions;

namespace VehicleImages.Imaging.Analysis;

/// <summary>Measures an image for the catalog and the quality verdict, from one small copy of its pixels.</summary>
public static class ImageAnalysis
{
    /// <summary>
    /// Long edge of the pixels that are measured (the Medium rendition's): fixed, so that the sharpness and
    /// contrast thresholds mean the same for every image. A smaller original is measured at its own size.
    /// </summary>
    public static readonly int DetailEdge = RenditionSize.Medium.LongEdge()!.Value;

    private const int AccentEdge = 64;

    /// <summary>Measures pixels fitted to <see cref="DetailEdge"/> (RGB, RGBA, grey or grey+alpha).</summary>
    public static ImageMeasurements Measure(PixelBuffer pixels)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        var grey = new PixelBuffer(PixelSampling.Grey(pixels), pixels.Width, pixels.Height, 1);
        var (accentWidth, accentHeight) = RenditionSizes.FitLongEdge(AccentEdge, pixels.Width, pixels.Height);
        var colour = PixelSampling.Box(pixels, accentWidth, accentHeight);

        return new ImageMeasurements(
            AccentColour.Of(colour),
            PerceptualHash.Of(HashSample(grey)),
            Contrast(grey),
            Sharpness(grey),
            OpaqueFraction(pixels));
    }

    /// <summary>
    /// A 32×32 grey sample: compared pixel by pixel, it tells a re-encoded copy from a different photo that merely
    /// hashes alike.
    /// </summary>
    public static byte[] Fingerprint(PixelBuffer pixels)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        return HashSample(new PixelBuffer(PixelSampling.Grey(pixels), pixels.Width, pixels.Height, 1)).Data;
    }

    private static PixelBuffer HashSample(PixelBuffer grey) => PixelSampling.Box(grey, PerceptualHash.SampleSize, PerceptualHash.SampleSize);

    /// <summary>Standard deviation of the grey levels.</summary>
    internal static double Contrast(PixelBuffer grey)
    {
        var (sum, sumOfSquares) = PixelSums.OfValues(grey.Data);
        var n = grey.Data.Length;
        var mean = (double)sum / n;
        return Math.Sqrt(Math.Max(0, ((double)sumOfSquares / n) - (mean * mean)));
    }

    /// <summary>Variance of the 4-neighbour Laplacian: edges give large responses, blur removes them.</summary>
    internal static double Sharpness(PixelBuffer grey)
    {
        if (grey.Width < 3 || grey.Height < 3)
        {
            return 0;
        }

        var (sum, sumOfSquares) = PixelSums.OfLaplacians(grey.Data, grey.Width, grey.Height);
        var n = (grey.Width - 2) * (grey.Height - 2);
        var mean = (double)sum / n;
        return ((double)sumOfSquares / n) - (mean * mean);
    }

    private static double OpaqueFraction(PixelBuffer pixels)
    {
        if (!pixels.HasAlpha)
        {
            return 1;
        }

        var count = pixels.Width * pixels.Height;
        return (count - PixelSums.Transparent(pixels.Data, pixels.Bands)) / (double)count;
    }
}
