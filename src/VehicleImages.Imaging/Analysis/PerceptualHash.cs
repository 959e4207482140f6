using System.Numerics;

namespace VehicleImages.Imaging.Analysis;

/// <summary>
/// The DCT perceptual hash: a 32×32 grey sample, its 8×8 lowest frequencies, one bit each for above or below their
/// median. Re-encodes, resizes and mild edits change few bits; different pictures differ in about half.
/// </summary>
public static class PerceptualHash
{
    public const int SampleSize = 32;
    private const int KeptFrequencies = 8;

    private static readonly double[,] Cosines = BuildCosines();

    /// <summary>Hashes a 32×32 single-band sample.</summary>
    public static ulong Of(PixelBuffer grey)
    {
        ArgumentNullException.ThrowIfNull(grey);
        if (grey is not { Width: SampleSize, Height: SampleSize, Bands: 1 })
        {
            throw new ArgumentException($"Needs a {SampleSize}x{SampleSize} grey sample.", nameof(grey));
        }

        // Separable 2-D DCT-II, computing only the rows and columns that are kept.
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

        // The DC term is the mean brightness; leaving it out of the median keeps the hash about structure.
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

    /// <summary>How many of the 64 bits differ: 0 for the same picture, about 32 for unrelated ones.</summary>
    public static int Distance(ulong a, ulong b) => BitOperations.PopCount(a ^ b);

    private static double[,] BuildCosines()
    {
        var cosines = new double[KeptFrequencies, SampleSize];
        for (var u = 0; u < KeptFrequencies; u++)
        {
            for (var x = 0; x < SampleSize; x++)
            {
                cosines[u, x] = Math.Cos((2 * x + 1) * u * Math.PI / (2 * SampleSize));
            }
        }

        return cosines;
    }
}
