using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace VehicleImages.Imaging.Analysis;

/// <summary>
/// The sums over every pixel that contrast, sharpness and the opaque fraction need, in 64-bit integers, 32 pixels at a
/// time. Exact, so a double made from one equals the double the values used to be added into one by one: every partial
/// sum is an integer well below 2^53, which a double holds exactly.
/// </summary>
internal static class PixelSums
{
    // 32-bit lanes gather at most 4 · 255² (squares of grey) or 4 · 1020² (squares of a Laplacian) a step; this many
    // steps keeps them under 2^31 before they are added into 64-bit totals.
    private const int StepsPerFlush = 256;

    /// <summary>The values and their squares, summed.</summary>
    public static (long Sum, long SumOfSquares) OfValues(byte[] values)
    {
        var (sum, squares, i) = (0L, 0L, 0);
        if (Vector256.IsHardwareAccelerated)
        {
            ref var source = ref MemoryMarshal.GetArrayDataReference(values);
            while (i + 32 <= values.Length)
            {
                var (sums, sumsOfSquares) = (Vector256<uint>.Zero, Vector256<uint>.Zero);
                var end = Math.Min(values.Length - 31, i + (32 * StepsPerFlush));
                for (; i < end; i += 32)
                {
                    // A square of a byte fits in 16 bits, unsigned.
                    var (low, high) = Vector256.Widen(Vector256.LoadUnsafe(ref source, (nuint)i));
                    sums += WidenAndAdd(low + high);
                    sumsOfSquares += WidenAndAdd(low * low) + WidenAndAdd(high * high);
                }

                sum += Total(sums);
                squares += Total(sumsOfSquares);
            }
        }

        for (; i < values.Length; i++)
        {
            sum += values[i];
            squares += values[i] * values[i];
        }

        return (sum, squares);
    }

    /// <summary>The 4-neighbour Laplacians of the interior pixels and their squares, summed.</summary>
    public static (long Sum, long SumOfSquares) OfLaplacians(byte[] grey, int width, int height)
    {
        var (sum, squares) = (0L, 0L);
        for (var y = 1; y < height - 1; y++)
        {
            var x = 1;
            if (Vector256.IsHardwareAccelerated)
            {
                ref var centre = ref MemoryMarshal.GetArrayDataReference(grey);

                // A step reads one pixel to the right of its 32, which must still be in the row.
                while (x + 33 <= width)
                {
                    var (sums, sumsOfSquares) = (Vector256<int>.Zero, Vector256<int>.Zero);
                    var end = Math.Min(width - 32, x + (32 * StepsPerFlush));
                    for (; x < end; x += 32)
                    {
                        var i = (nuint)((y * width) + x);
                        var (low, high) = Laplacians(ref centre, i, (nuint)width);
                        sums += WidenAndAdd(low + high);
                        sumsOfSquares += Squares(low) + Squares(high);
                    }

                    sum += Total(sums);
                    squares += Total(sumsOfSquares);
                }
            }

            for (; x < width - 1; x++)
            {
                var i = (y * width) + x;
                long laplacian = grey[i - 1] + grey[i + 1] + grey[i - width] + grey[i + width] - (4 * grey[i]);
                sum += laplacian;
                squares += laplacian * laplacian;
            }
        }

        return (sum, squares);
    }

    /// <summary>How many pixels have an alpha (the last of 2 or 4 bands) of 0.</summary>
    public static int Transparent(byte[] pixels, int bands)
    {
        var (count, i) = (0, 0);
        if (Vector256.IsHardwareAccelerated && BitConverter.IsLittleEndian)
        {
            ref var source = ref MemoryMarshal.GetArrayDataReference(pixels);
            for (; i + 32 <= pixels.Length; i += 32)
            {
                var block = Vector256.LoadUnsafe(ref source, (nuint)i);

                // Alpha is the high byte of each pixel's 16- or 32-bit lane; a lane below 2^8 or 2^24 has none.
                var transparent = bands == 2
                    ? Vector256.LessThan(block.AsUInt16(), Vector256.Create((ushort)0x100)).ExtractMostSignificantBits()
                    : Vector256.LessThan(block.AsUInt32(), Vector256.Create(0x100_0000u)).ExtractMostSignificantBits();
                count += BitOperations.PopCount(transparent);
            }
        }

        for (i += bands - 1; i < pixels.Length; i += bands)
        {
            count += pixels[i] == 0 ? 1 : 0;
        }

        return count;
    }

    // The Laplacians of 32 pixels from i, as two vectors of 16. The neighbour sums fit in 16 bits (at most 1020) and
    // so does their difference from four times the centre, in two's complement.
    private static (Vector256<short> Low, Vector256<short> High) Laplacians(ref byte grey, nuint i, nuint width)
    {
        var (leftLow, leftHigh) = Vector256.Widen(Vector256.LoadUnsafe(ref grey, i - 1));
        var (rightLow, rightHigh) = Vector256.Widen(Vector256.LoadUnsafe(ref grey, i + 1));
        var (upLow, upHigh) = Vector256.Widen(Vector256.LoadUnsafe(ref grey, i - width));
        var (downLow, downHigh) = Vector256.Widen(Vector256.LoadUnsafe(ref grey, i + width));
        var (centreLow, centreHigh) = Vector256.Widen(Vector256.LoadUnsafe(ref grey, i));
        return (
            (leftLow + rightLow + upLow + downLow - (centreLow << 2)).AsInt16(),
            (leftHigh + rightHigh + upHigh + downHigh - (centreHigh << 2)).AsInt16());
    }

    private static Vector256<int> Squares(Vector256<short> values)
    {
        var (low, high) = Vector256.Widen(values);
        return (low * low) + (high * high);
    }

    private static Vector256<int> WidenAndAdd(Vector256<short> values)
    {
        var (low, high) = Vector256.Widen(values);
        return low + high;
    }

    private static Vector256<uint> WidenAndAdd(Vector256<ushort> values)
    {
        var (low, high) = Vector256.Widen(values);
        return low + high;
    }

    private static long Total(Vector256<uint> lanes)
    {
        var (low, high) = Vector256.Widen(lanes);
        return (long)Vector256.Sum(low + high);
    }

    private static long Total(Vector256<int> lanes)
    {
        var (low, high) = Vector256.Widen(lanes);
        return Vector256.Sum(low + high);
    }
}
