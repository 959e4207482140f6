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
        var (sum, sumOfSquares) = (0d, 0d);
        foreach (var value in grey.Data)
        {
            sum += value;
            sumOfSquares += value * (double)value;
        }

        var n = grey.Data.Length;
        var mean = sum / n;
        return Math.Sqrt(Math.Max(0, (sumOfSquares / n) - (mean * mean)));
    }

    /// <summary>Variance of the 4-neighbour Laplacian: edges give large responses, blur removes them.</summary>
    internal static double Sharpness(PixelBuffer grey)
    {
        if (grey.Width < 3 || grey.Height < 3)
        {
            return 0;
        }

        var (sum, sumOfSquares, n) = (0d, 0d, 0);
        var data = grey.Data;
        var w = grey.Width;
        for (var y = 1; y < grey.Height - 1; y++)
        {
            for (var x = 1; x < w - 1; x++)
            {
                var i = (y * w) + x;
                double laplacian = data[i - 1] + data[i + 1] + data[i - w] + data[i + w] - (4 * data[i]);
                sum += laplacian;
                sumOfSquares += laplacian * laplacian;
                n++;
            }
        }

        var mean = sum / n;
        return (sumOfSquares / n) - (mean * mean);
    }

    private static double OpaqueFraction(PixelBuffer pixels)
    {
        if (!pixels.HasAlpha)
        {
            return 1;
        }

        var opaque = 0;
        for (var i = pixels.Bands - 1; i < pixels.Data.Length; i += pixels.Bands)
        {
            opaque += pixels.Data[i] > 0 ? 1 : 0;
        }

        return opaque / (double)(pixels.Width * pixels.Height);
    }
}
