using System.Numerics;
using System.Runtime.Intrinsics;

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

    // Cosines[u, x] for each x, frequencies 0–3 and 4–7 as vectors.
    private static readonly (Vector256<double> Low, Vector256<double> High)[] ByPosition = [.. Enumerable.Range(0, SampleSize)
        .Select(x => (Vector256.Create(Cosines[0, x], Cosines[1, x], Cosines[2, x], Cosines[3, x]), Vector256.Create(Cosines[4, x], Cosines[5, x], Cosines[6, x], Cosines[7, x])))];

    /// <summary>Hashes a 32×32 single-band sample.</summary>
    public static ulong Of(PixelBuffer grey)
    {
        ArgumentNullException.ThrowIfNull(grey);
        if (grey is not { Width: SampleSize, Height: SampleSize, Bands: 1 })
        {
            throw new ArgumentException($"Needs a {SampleSize}x{SampleSize} grey sample.", nameof(grey));
        }

        // Separable 2-D DCT-II, computing only the rows and columns that are kept. The eight frequencies are the
        // lanes of two vectors; each is still summed in its own order (x, then y), so the sums are as in scalar loops.
        Span<double> rows = stackalloc double[SampleSize * KeptFrequencies];
        for (var y = 0; y < SampleSize; y++)
        {
            var (low, high) = (Vector256<double>.Zero, Vector256<double>.Zero);
            for (var x = 0; x < SampleSize; x++)
            {
                double value = grey.Data[(y * SampleSize) + x];
                low += value * ByPosition[x].Low;
                high += value * ByPosition[x].High;
            }

            low.CopyTo(rows[(y * KeptFrequencies)..]);
            high.CopyTo(rows[((y * KeptFrequencies) + 4)..]);
        }

        Span<double> coefficients = stackalloc double[KeptFrequencies * KeptFrequencies];
        for (var v = 0; v < KeptFrequencies; v++)
        {
            var (low, high) = (Vector256<double>.Zero, Vector256<double>.Zero);
            for (var y = 0; y < SampleSize; y++)
            {
                var cosine = Cosines[v, y];
                low += Vector256.Create<double>(rows[(y * KeptFrequencies)..]) * cosine;
                high += Vector256.Create<double>(rows[((y * KeptFrequencies) + 4)..]) * cosine;
            }

            low.CopyTo(coefficients[(v * KeptFrequencies)..]);
            high.CopyTo(coefficients[((v * KeptFrequencies) + 4)..]);
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
