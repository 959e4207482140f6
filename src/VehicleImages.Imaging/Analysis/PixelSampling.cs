namespace VehicleImages.Imaging.Analysis;

/// <summary>
/// The small pixel transforms the analyses need, in plain C#: cheaper than a libvips operation each, whose
/// set-up cost dominates on images this small.
/// </summary>
internal static class PixelSampling
{
    /// <summary>Rec. 601 luma, with any alpha composited onto white as the opaque renditions are.</summary>
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

    /// <summary>
    /// Area average down to width×height: each output pixel is the mean of the source area it covers, partial
    /// pixels at its edges weighted by how much of them it covers. Exact coverage matters at small, uneven ratios
    /// (150 → 32), where whole-pixel spans would weight some source pixels twice as much as others.
    /// </summary>
    public static PixelBuffer Box(PixelBuffer source, int width, int height)
    {
        var bands = source.Bands;
        var horizontal = Weights(source.Width, width);
        var vertical = Weights(source.Height, height);

        // Rows first, then columns: a separable filter costs the sum of the two passes, not their product.
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

    // For each of n outputs along an axis of the given size: the source indexes it covers and their weights,
    // summing to 1. Output i covers [i·size/n, (i+1)·size/n).
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
}
