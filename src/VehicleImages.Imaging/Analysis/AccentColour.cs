using System.Globalization;

namespace VehicleImages.Imaging.Analysis;

/// <summary>
/// The colour that stands out in an image, as CarsXE's accentColor: six hex digits, no '#'. For a car photo that
/// is usually the paint, so chromatic pixels and the middle of the frame count for more than the background.
/// </summary>
public static class AccentColour
{
    // Two bits per channel: 64 coarse bins, so the shades of one paint (lit, shaded) land together.
    private const int BitsPerChannel = 2;
    private const int Levels = 1 << BitsPerChannel;
    private const int Shift = 8 - BitsPerChannel;

    // Chroma (max - min channel) is absolute, unlike saturation, so dark noisy asphalt does not look vivid.
    private const int ChromaticFrom = 40;
    private const double AchromaticWeight = 0.15;

    /// <summary>Of an RGB or RGBA sample; transparent pixels do not count.</summary>
    public static string Of(PixelBuffer pixels)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        if (pixels.Bands < 3)
        {
            var grey = Average(pixels);
            return Hex(grey, grey, grey);
        }

        var weights = new double[Levels * Levels * Levels];
        var sums = new double[weights.Length * 3];
        var (cx, cy) = ((pixels.Width - 1) / 2d, (pixels.Height - 1) / 2d);

        // The centre weight's offsets depend on x alone and on y alone: computed once each, the same doubles.
        var dxs = new double[pixels.Width];
        for (var x = 0; x < dxs.Length; x++)
        {
            dxs[x] = (x - cx) / Math.Max(1, cx);
        }

        var (data, bands) = (pixels.Data, pixels.Bands);
        for (var y = 0; y < pixels.Height; y++)
        {
            var dy = (y - cy) / Math.Max(1, cy);
            for (int x = 0, p = y * pixels.Width * bands; x < pixels.Width; x++, p += bands)
            {
                if (pixels.HasAlpha && data[p + bands - 1] < 128)
                {
                    continue;
                }

                int r = data[p], g = data[p + 1], b = data[p + 2];
                var chroma = Math.Max(r, Math.Max(g, b)) - Math.Min(r, Math.Min(g, b));

                // Centre-weighted: 1 in the middle, 0.25 at the corners.
                var dx = dxs[x];
                var central = 1 - (0.75 * Math.Min(1, ((dx * dx) + (dy * dy)) / 2));
                var weight = central * (chroma >= ChromaticFrom ? 3d * chroma / 255 : AchromaticWeight);

                var bin = ((((r >> Shift) * Levels) + (g >> Shift)) * Levels) + (b >> Shift);
                weights[bin] += weight;
                sums[bin * 3] += weight * r;
                sums[(bin * 3) + 1] += weight * g;
                sums[(bin * 3) + 2] += weight * b;
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
            : Hex(Mean(sums[best * 3], weights[best]), Mean(sums[(best * 3) + 1], weights[best]), Mean(sums[(best * 3) + 2], weights[best]));
    }

    private static byte Average(PixelBuffer pixels)
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
