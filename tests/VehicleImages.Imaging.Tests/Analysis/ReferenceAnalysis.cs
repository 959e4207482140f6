using System.Globalization;
using VehicleImages.Domain.Renditions;
using VehicleImages.Imaging.Analysis;

namespace VehicleImages.Imaging.Tests.Analysis;

/// <summary>
/// The measurements as first written, plainly and slowly: what the optimised code must match bit for bit. A
/// transcription of ImageAnalysis and PixelSampling at the commit before they were optimised; do not optimise it.
/// </summary>
internal static class ReferenceAnalysis
{
    private const int AccentEdge = 64;
    private const int AccentLevels = 4;
    private const int AccentShift = 6;
    private const int AccentChromaticFrom = 40;
    private const double AccentAchromaticWeight = 0.15;

    private static readonly double[,] Cosines = BuildCosines();

    public static ImageMeasurements Measure(PixelBuffer pixels)
    {
        var grey = new PixelBuffer(Grey(pixels), pixels.Width, pixels.Height, 1);
        var (accentWidth, accentHeight) = RenditionSizes.FitLongEdge(AccentEdge, pixels.Width, pixels.Height);
        var colour = Box(pixels, accentWidth, accentHeight);

        return new ImageMeasurements(
            AccentColourOf(colour),
            PerceptualHashOf(HashSample(grey)),
            Contrast(grey),
            Sharpness(grey),
            OpaqueFraction(pixels));
    }

    public static byte[] Fingerprint(PixelBuffer pixels) =>
        HashSample(new PixelBuffer(Grey(pixels), pixels.Width, pixels.Height, 1)).Data;

    public static PixelBuffer HashSample(PixelBuffer grey) => Box(grey, PerceptualHash.SampleSize, PerceptualHash.SampleSize);

    public static double Contrast(PixelBuffer grey)
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

    public static double Sharpness(PixelBuffer grey)
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

    public static double OpaqueFraction(PixelBuffer pixels)
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

    public static byte[] Grey(PixelBuffer pixels)
    {
        var grey = new byte[pixels.Width * pixels.Height];
        var bands = pixels.Bands;
        var data = pixels.Data;
        for (int i = 0, p = 0; i < grey.Length; i++, p += bands)
        {
            int luma = bands >= 3 ? ((299 * data[p]) + (587 * data[p + 1]) + (114 * data[p + 2]) + 500) / 1000 : data[p];
            if (pixels.HasAlpha)
            {
                var alpha = data[p + bands - 1];
                luma = ((luma * alpha) + (255 * (255 - alpha)) + 127) / 255;
            }

            grey[i] = (byte)luma;
        }

        return grey;
    }

    public static PixelBuffer Box(PixelBuffer source, int width, int height)
    {
        var bands = source.Bands;
        var horizontal = Weights(source.Width, width);
        var vertical = Weights(source.Height, height);

        var rows = new double[source.Height * width * bands];
        for (var y = 0; y < source.Height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                foreach (var (sx, weight) in horizontal[x])
                {
                    var p = ((y * source.Width) + sx) * bands;
                    var o = ((y * width) + x) * bands;
                    for (var b = 0; b < bands; b++)
                    {
                        rows[o + b] += source.Data[p + b] * weight;
                    }
                }
            }
        }

        var output = new byte[width * height * bands];
        var sums = new double[bands];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                Array.Clear(sums);
                foreach (var (sy, weight) in vertical[y])
                {
                    var p = ((sy * width) + x) * bands;
                    for (var b = 0; b < bands; b++)
                    {
                        sums[b] += rows[p + b] * weight;
                    }
                }

                var o = ((y * width) + x) * bands;
                for (var b = 0; b < bands; b++)
                {
                    output[o + b] = (byte)Math.Clamp(Math.Round(sums[b]), 0, 255);
                }
            }
        }

        return new PixelBuffer(output, width, height, bands);
    }

    private static (int Index, double Weight)[][] Weights(int size, int n)
    {
        var weights = new (int, double)[n][];
        var scale = (double)size / n;
        for (var i = 0; i < n; i++)
        {
            var (start, end) = (i * scale, (i + 1) * scale);
            var list = new List<(int, double)>();
            for (var s = (int)Math.Floor(start); s < Math.Min(size, (int)Math.Ceiling(end)); s++)
            {
                var covered = Math.Min(end, s + 1) - Math.Max(start, s);
                if (covered > 0)
                {
                    list.Add((s, covered / scale));
                }
            }

            weights[i] = [.. list];
        }

        return weights;
    }

    public static ulong PerceptualHashOf(PixelBuffer grey)
    {
        const int SampleSize = 32;
        const int KeptFrequencies = 8;
        var rows = new double[SampleSize, KeptFrequencies];
        for (var y = 0; y < SampleSize; y++)
        {
            for (var u = 0; u < KeptFrequencies; u++)
            {
                var sum = 0d;
                for (var x = 0; x < SampleSize; x++)
                {
                    sum += grey.Data[(y * SampleSize) + x] * Cosines[u, x];
                }

                rows[y, u] = sum;
            }
        }

        Span<double> coefficients = stackalloc double[KeptFrequencies * KeptFrequencies];
        for (var v = 0; v < KeptFrequencies; v++)
        {
            for (var u = 0; u < KeptFrequencies; u++)
            {
                var sum = 0d;
                for (var y = 0; y < SampleSize; y++)
                {
                    sum += rows[y, u] * Cosines[v, y];
                }

                coefficients[(v * KeptFrequencies) + u] = sum;
            }
        }

        Span<double> sorted = stackalloc double[coefficients.Length - 1];
        coefficients[1..].CopyTo(sorted);
        sorted.Sort();
        var median = (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;

        var hash = 0UL;
        for (var i = 0; i < coefficients.Length; i++)
        {
            if (coefficients[i] > median)
            {
                hash |= 1UL << i;
            }
        }

        return hash;
    }

    private static double[,] BuildCosines()
    {
        var cosines = new double[8, 32];
        for (var u = 0; u < 8; u++)
        {
            for (var x = 0; x < 32; x++)
            {
                cosines[u, x] = Math.Cos((2 * x + 1) * u * Math.PI / (2 * 32));
            }
        }

        return cosines;
    }

    public static string AccentColourOf(PixelBuffer pixels)
    {
        if (pixels.Bands < 3)
        {
            var grey = AverageGrey(pixels);
            return Hex(grey, grey, grey);
        }

        var weights = new double[AccentLevels * AccentLevels * AccentLevels];
        var sums = new double[weights.Length, 3];
        var (cx, cy) = ((pixels.Width - 1) / 2d, (pixels.Height - 1) / 2d);
        for (var y = 0; y < pixels.Height; y++)
        {
            for (var x = 0; x < pixels.Width; x++)
            {
                if (pixels.HasAlpha && pixels[x, y, pixels.Bands - 1] < 128)
                {
                    continue;
                }

                var (r, g, b) = (pixels[x, y, 0], pixels[x, y, 1], pixels[x, y, 2]);
                var chroma = Math.Max(r, Math.Max(g, b)) - Math.Min(r, Math.Min(g, b));

                // Centre-weighted: 1 in the middle, 0.25 at the corners.
                var dx = (x - cx) / Math.Max(1, cx);
                var dy = (y - cy) / Math.Max(1, cy);
                var central = 1 - (0.75 * Math.Min(1, ((dx * dx) + (dy * dy)) / 2));
                var weight = central * (chroma >= AccentChromaticFrom ? 3d * chroma / 255 : AccentAchromaticWeight);

                var bin = ((((r >> AccentShift) * AccentLevels) + (g >> AccentShift)) * AccentLevels) + (b >> AccentShift);
                weights[bin] += weight;
                sums[bin, 0] += weight * r;
                sums[bin, 1] += weight * g;
                sums[bin, 2] += weight * b;
            }
        }

        var best = 0;
        for (var bin = 1; bin < weights.Length; bin++)
        {
            if (weights[bin] > weights[best])
            {
                best = bin;
            }
        }

        return weights[best] <= 0
            ? "000000"
            : Hex(Mean(sums[best, 0], weights[best]), Mean(sums[best, 1], weights[best]), Mean(sums[best, 2], weights[best]));
    }

    private static byte AverageGrey(PixelBuffer pixels)
    {
        if (pixels.Data.Length == 0)
        {
            return 0;
        }

        var total = 0L;
        for (var i = 0; i < pixels.Data.Length; i += pixels.Bands)
        {
            total += pixels.Data[i];
        }

        return (byte)(total / (pixels.Data.Length / pixels.Bands));
    }

    private static byte Mean(double sum, double weight) => (byte)Math.Clamp(Math.Round(sum / weight), 0, 255);

    private static string Hex(byte r, byte g, byte b) => string.Create(CultureInfo.InvariantCulture, $"{r:X2}{g:X2}{b:X2}");
}
