namespace VehicleImages.Imaging.Analysis;

/// <summary>Measures a decoded image for the catalog and the quality verdict.</summary>
public static class ImageAnalysis
{
    /// <summary>Long edge of the grey sample that contrast and sharpness are measured on; fixed so thresholds mean the same for every image.</summary>
    public const int DetailEdge = 512;

    private const int AccentEdge = 64;

    public static ImageMeasurements Measure(DecodedImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var colour = image.Fit(AccentEdge);
        var hashSample = image.Sample(PerceptualHash.SampleSize, PerceptualHash.SampleSize, grey: true);
        var detail = image.Sample(DetailDimensions(image).Width, DetailDimensions(image).Height, grey: true);

        return new ImageMeasurements(
            AccentColour.Of(colour),
            PerceptualHash.Of(hashSample),
            Contrast(detail),
            Sharpness(detail),
            OpaqueFraction(colour));
    }

    /// <summary>
    /// A 32×32 grey sample: compared pixel by pixel, it tells a re-encoded copy from a different photo that merely
    /// hashes alike.
    /// </summary>
    public static byte[] Fingerprint(DecodedImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        return image.Sample(PerceptualHash.SampleSize, PerceptualHash.SampleSize, grey: true).Data;
    }

    private static (int Width, int Height) DetailDimensions(DecodedImage image) =>
        Domain.Renditions.RenditionSizes.FitLongEdge(DetailEdge, image.Width, image.Height);

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
