using VehicleImages.Domain.Colours;
using VehicleImages.Imaging;

namespace VehicleImages.Vision.Colour;

/// <summary>The body colour measured on the car's own pixels: a generic colour, its hex, and the share of pixels that agree.</summary>
public sealed record MeasuredColour(GenericColour Colour, string Hex, double Score);

/// <summary>One colour's share of the car's pixels, and the mean of those pixels as six hex digits.</summary>
public sealed record ColourShare(double Share, string Hex);

/// <summary>How the car's pixels divide among the generic colours.</summary>
public sealed record ColourShares(IReadOnlyDictionary<GenericColour, ColourShare> Shares)
{
    public double Of(GenericColour colour) => Shares.TryGetValue(colour, out var share) ? share.Share : 0;
}

/// <summary>
/// Reads the paint from the pixels the car covers, never the frame: a red car on grass is red, not green. Each
/// pixel is named by hue, saturation and brightness; <see cref="ColourRule"/> then decides from the shares.
/// </summary>
public static class BodyColour
{
    /// <summary>Below this share of the frame there is too little car to measure.</summary>
    private const double MinCarShare = 0.03;

    /// <summary>
    /// Only the car's core counts: cells at its outline are part background, and a border of road or sky is enough
    /// to turn a white car silver.
    /// </summary>
    private const double CoreProbability = 0.85;

    private const double ChromaticSaturation = 0.3;
    private const double ChromaticValue = 0.2;

    /// <summary>
    /// The shares of each colour among the car's pixels in <paramref name="rgb"/>, where <paramref name="carProbability"/>
    /// gives, cell by cell of a coarse grid over the same frame, how likely that area is part of the car; null when
    /// there is too little car.
    /// </summary>
    public static ColourShares? Measure(PixelBuffer rgb, double[,] carProbability)
    {
        ArgumentNullException.ThrowIfNull(rgb);
        ArgumentNullException.ThrowIfNull(carProbability);
        var pixels = CarPixels(rgb, carProbability);
        if (pixels.Count < rgb.Width * rgb.Height * MinCarShare)
        {
            return null;
        }

        var sums = new Dictionary<GenericColour, (int Count, long R, long G, long B)>();
        foreach (var (r, g, b) in pixels)
        {
            var colour = Name(r, g, b);
            var (count, sr, sg, sb) = sums.GetValueOrDefault(colour);
            sums[colour] = (count + 1, sr + r, sg + g, sb + b);
        }

        return new ColourShares(sums.ToDictionary(
            entry => entry.Key,
            entry => new ColourShare(
                (double)entry.Value.Count / pixels.Count,
                $"{entry.Value.R / entry.Value.Count:x2}{entry.Value.G / entry.Value.Count:x2}{entry.Value.B / entry.Value.Count:x2}")));
    }

    /// <summary>The generic colour one pixel reads as, by hue, saturation and brightness.</summary>
    public static GenericColour Name(byte r, byte g, byte b)
    {
        var (hue, saturation, value) = Hsv(r, g, b);
        if (saturation < ChromaticSaturation || value < ChromaticValue)
        {
            return value switch
            {
                < 0.3 => GenericColour.Black,
                < 0.55 => GenericColour.Grey,
                < 0.8 => GenericColour.Silver,
                _ => GenericColour.White,
            };
        }

        return hue switch
        {
            < 12 or >= 340 => GenericColour.Red,
            < 40 => value < 0.45 ? GenericColour.Brown : GenericColour.Orange,
            < 70 => GenericColour.Yellow,
            < 165 => GenericColour.Green,
            < 260 => GenericColour.Blue,
            _ => GenericColour.Purple,
        };
    }

    public static bool IsAchromatic(this GenericColour colour) =>
        colour is GenericColour.Black or GenericColour.Grey or GenericColour.Silver or GenericColour.White;
    // Each pixel takes the probability of the grid cell it falls in, interpolated between cell centres so the car's
    // outline follows the probabilities rather than the grid's steps.
    private static List<(byte R, byte G, byte B)> CarPixels(PixelBuffer rgb, double[,] carProbability)
    {
        var rows = carProbability.GetLength(0);
        var columns = carProbability.GetLength(1);
        var pixels = new List<(byte, byte, byte)>();
        for (var y = 0; y < rgb.Height; y++)
        {
            var gy = Math.Clamp((((y + 0.5) * rows) / rgb.Height) - 0.5, 0, rows - 1);
            var (y0, fy) = ((int)gy, gy - (int)gy);
            var y1 = Math.Min(y0 + 1, rows - 1);
            for (var x = 0; x < rgb.Width; x++)
            {
                var gx = Math.Clamp((((x + 0.5) * columns) / rgb.Width) - 0.5, 0, columns - 1);
                var (x0, fx) = ((int)gx, gx - (int)gx);
                var x1 = Math.Min(x0 + 1, columns - 1);
                var probability = ((1 - fy) * (((1 - fx) * carProbability[y0, x0]) + (fx * carProbability[y0, x1])))
                    + (fy * (((1 - fx) * carProbability[y1, x0]) + (fx * carProbability[y1, x1])));
                if (probability >= CoreProbability)
                {
                    pixels.Add((rgb[x, y, 0], rgb[x, y, 1], rgb[x, y, 2]));
                }
            }
        }

        return pixels;
    }

    private static (double Hue, double Saturation, double Value) Hsv(byte r, byte g, byte b)
    {
        var max = Math.Max(r, Math.Max(g, b));
        var min = Math.Min(r, Math.Min(g, b));
        var delta = max - min;
        var value = max / 255d;
        var saturation = max == 0 ? 0 : (double)delta / max;
        if (delta == 0)
        {
            return (0, saturation, value);
        }

        var hue = max == r ? 60d * ((g - b) / (double)delta)
            : max == g ? 60d * (((b - r) / (double)delta) + 2)
            : 60d * (((r - g) / (double)delta) + 4);
        return (hue < 0 ? hue + 360 : hue, saturation, value);
    }
}
