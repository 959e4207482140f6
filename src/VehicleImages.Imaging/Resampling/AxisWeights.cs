using System.Collections.Concurrent;

namespace VehicleImages.Imaging.Resampling;

/// <summary>
/// The Lanczos-3 filter along one axis: for each output position, the first source pixel it reads and one weight per
/// tap from there. Every output reads the same number of taps (zero weights pad the short windows at the edges), so
/// the inner loops have no branches.
/// </summary>
internal sealed class AxisWeights
{
    private const int Lobes = 3;

    // Libraries hold many photos of the same few sizes, and two sines a tap are a visible part of a resize, so the
    // filters of recent size pairs are kept; the arrays are read-only once made.
    private const int RememberedPairs = 256;
    private static readonly ConcurrentDictionary<(int Source, int Target), AxisWeights> Remembered = new();

    private AxisWeights(int taps, int[] starts, float[] weights)
    {
        Taps = taps;
        Starts = starts;
        Weights = weights;
    }

    /// <summary>Source pixels each output reads.</summary>
    public int Taps { get; }

    /// <summary>The first source pixel each output reads.</summary>
    public int[] Starts { get; }

    /// <summary>Output i's weight for source pixel Starts[i] + k is at [i * Taps + k]; each output's weights sum to 1.</summary>
    public float[] Weights { get; }

    public static AxisWeights Lanczos3(int sourceLength, int targetLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sourceLength, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(targetLength, 1);
        if (Remembered.TryGetValue((sourceLength, targetLength), out var known))
        {
            return known;
        }

        if (Remembered.Count >= RememberedPairs)
        {
            Remembered.Clear();
        }

        return Remembered[(sourceLength, targetLength)] = Make(sourceLength, targetLength);
    }

    private static AxisWeights Make(int sourceLength, int targetLength)
    {
        if (sourceLength == targetLength)
        {
            return new AxisWeights(1, Enumerable.Range(0, targetLength).ToArray(), Enumerable.Repeat(1f, targetLength).ToArray());
        }

        var scale = (double)sourceLength / targetLength;
        // Shrinking stretches the kernel over the source, so every source pixel is averaged in rather than skipped
        // (no aliasing); enlarging (a pixel of rounding at most, never a real upscale) keeps it at its own width.
        var stretch = Math.Max(1d, scale);
        var support = Lobes * stretch;
        var taps = Math.Min(sourceLength, (int)Math.Ceiling(2 * support) + 1);
        var starts = new int[targetLength];
        var weights = new float[targetLength * taps];
        var window = new double[taps];
        for (var i = 0; i < targetLength; i++)
        {
            // Pixel centres line up: output i covers source [i·scale, (i+1)·scale).
            var centre = ((i + 0.5) * scale) - 0.5;
            var first = (int)Math.Floor(centre - support) + 1;
            var last = (int)Math.Ceiling(centre + support) - 1;
            var start = Math.Clamp(first, 0, sourceLength - taps);
            Array.Clear(window);
            var total = 0d;
            for (var j = first; j <= last; j++)
            {
                var weight = Kernel((j - centre) / stretch);
                // Beyond the edge the edge pixel repeats, as libvips extends an image before resampling it.
                window[Math.Clamp(j, 0, sourceLength - 1) - start] += weight;
                total += weight;
            }

            starts[i] = start;
            for (var k = 0; k < taps; k++)
            {
                weights[(i * taps) + k] = (float)(window[k] / total);
            }
        }

        return new AxisWeights(taps, starts, weights);
    }

    private static double Kernel(double x)
    {
        if (x == 0)
        {
            return 1;
        }

        if (Math.Abs(x) >= Lobes)
        {
            return 0;
        }

        var px = Math.PI * x;
        return Lobes * Math.Sin(px) * Math.Sin(px / Lobes) / (px * px);
    }
}
