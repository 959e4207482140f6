using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace VehicleImages.Imaging.Analysis;

internal static partial class PixelSampling
{
    // The horizontal pass works on this many source rows at once: two vectors of four doubles, one row to a lane, so
    // that every tap feeds two independent sums and its position and weight are read once for eight rows.
    private const int RowsPerBlock = 8;

    /// <summary>
    /// Area average down to width×height: each output pixel is the mean of the source area it covers, partial
    /// pixels at its edges weighted by how much of them it covers. Exact coverage matters at small, uneven ratios
    /// (150 → 32), where whole-pixel spans would weight some source pixels twice as much as others.
    /// </summary>
    public static PixelBuffer Box(PixelBuffer source, int width, int height)
    {
        var horizontal = Coverage.Of(source.Width, width);
        var vertical = Coverage.Of(source.Height, height);

        // Rows first, then columns: a separable filter costs the sum of the two passes, not their product. Every
        // output value is the same sequence of double operations as in a plain loop over its taps, in tap order: the
        // vectors only run several such sequences side by side, so the bytes do not depend on the vector width.
        var rowLength = width * source.Bands;
        var rows = ArrayPool<double>.Shared.Rent(source.Height * rowLength);
        try
        {
            AverageRows(source, horizontal, rows.AsSpan(0, source.Height * rowLength));
            return new PixelBuffer(AverageColumns(rows, rowLength, vertical), width, height, source.Bands);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(rows);
        }
    }

    // Each block of eight source rows is turned into doubles with the rows side by side (the eight values of one
    // source column and band together), so one vector operation advances the same tap in four rows.
    private static void AverageRows(PixelBuffer source, Coverage horizontal, Span<double> rows)
    {
        var bands = source.Bands;
        var rowLength = horizontal.Count * bands;
        var columns = ArrayPool<double>.Shared.Rent(source.Width * bands * RowsPerBlock);
        var offsets = horizontal.Indexes.Select(index => index * bands * RowsPerBlock).ToArray();
        try
        {
            ref var column = ref MemoryMarshal.GetArrayDataReference(columns);
            for (var y = 0; y < source.Height; y += RowsPerBlock)
            {
                var count = Math.Min(RowsPerBlock, source.Height - y);
                Interleave(source, y, columns);
                for (var x = 0; x < horizontal.Count; x++)
                {
                    var (first, end) = horizontal.Taps(x);
                    var o = (y * rowLength) + (x * bands);

                    // Two bands at a time: four independent sums per tap, so the adds do not each wait on the last.
                    var band = 0;
                    for (; band + 2 <= bands; band += 2)
                    {
                        var (top, bottom, nextTop, nextBottom) = SumTaps(ref Unsafe.Add(ref column, band * RowsPerBlock), offsets, horizontal.Weights, first, end, pair: true);
                        Store(top, bottom, rows[(o + band)..], rowLength, count);
                        Store(nextTop, nextBottom, rows[(o + band + 1)..], rowLength, count);
                    }

                    if (band < bands)
                    {
                        var (top, bottom, _, _) = SumTaps(ref Unsafe.Add(ref column, band * RowsPerBlock), offsets, horizontal.Weights, first, end, pair: false);
                        Store(top, bottom, rows[(o + band)..], rowLength, count);
                    }
                }
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(columns);
        }
    }

    // One output value's taps in eight rows (the top four and the bottom four), and with pair the next band's too.
    // Inlined, so that pair is a constant at each call and the loop has no test in it.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector256<double> Top, Vector256<double> Bottom, Vector256<double> NextTop, Vector256<double> NextBottom) SumTaps(
        ref double column, int[] offsets, double[] weights, int first, int end, bool pair)
    {
        var (top, bottom, nextTop, nextBottom) = (Vector256<double>.Zero, Vector256<double>.Zero, Vector256<double>.Zero, Vector256<double>.Zero);
        for (var tap = first; tap < end; tap++)
        {
            ref var values = ref Unsafe.Add(ref column, offsets[tap]);
            var weight = weights[tap];
            top += Vector256.LoadUnsafe(ref values) * weight;
            bottom += Vector256.LoadUnsafe(ref values, 4) * weight;
            if (pair)
            {
                nextTop += Vector256.LoadUnsafe(ref values, RowsPerBlock) * weight;
                nextBottom += Vector256.LoadUnsafe(ref values, RowsPerBlock + 4) * weight;
            }
        }

        return (top, bottom, nextTop, nextBottom);
    }

    // The sums of one output value in eight rows (the top four and the bottom four), to its place in each of the first count of them.
    private static void Store(Vector256<double> top, Vector256<double> bottom, Span<double> rows, int rowLength, int count)
    {
        if (count == RowsPerBlock)
        {
            (rows[0], rows[rowLength], rows[2 * rowLength], rows[3 * rowLength]) = (top[0], top[1], top[2], top[3]);
            (rows[4 * rowLength], rows[5 * rowLength], rows[6 * rowLength], rows[7 * rowLength]) = (bottom[0], bottom[1], bottom[2], bottom[3]);
            return;
        }

        for (var lane = 0; lane < count; lane++)
        {
            rows[lane * rowLength] = lane < 4 ? top[lane] : bottom[lane - 4];
        }
    }

    // columns[(i * 8) + lane] = row (y + lane)'s byte i, as a double; lanes past the last row repeat it, and are not
    // stored. Four bytes of each row at a time: 32-bit loads from eight rows make the lanes, shifts pick the bytes.
    private static void Interleave(PixelBuffer source, int y, double[] columns)
    {
        var length = source.Width * source.Bands;
        ref var data = ref MemoryMarshal.GetArrayDataReference(source.Data);
        ref var target = ref MemoryMarshal.GetArrayDataReference(columns);
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref var row0 = ref Unsafe.Add(ref data, Row(source, y, 0) * length);
            ref var row1 = ref Unsafe.Add(ref data, Row(source, y, 1) * length);
            ref var row2 = ref Unsafe.Add(ref data, Row(source, y, 2) * length);
            ref var row3 = ref Unsafe.Add(ref data, Row(source, y, 3) * length);
            ref var row4 = ref Unsafe.Add(ref data, Row(source, y, 4) * length);
            ref var row5 = ref Unsafe.Add(ref data, Row(source, y, 5) * length);
            ref var row6 = ref Unsafe.Add(ref data, Row(source, y, 6) * length);
            ref var row7 = ref Unsafe.Add(ref data, Row(source, y, 7) * length);
            for (; i + 4 <= length; i += 4)
            {
                var lanes = Vector256.Create(
                    Read(ref row0, i), Read(ref row1, i), Read(ref row2, i), Read(ref row3, i),
                    Read(ref row4, i), Read(ref row5, i), Read(ref row6, i), Read(ref row7, i));
                for (var b = 0; b < 4; b++)
                {
                    // Bytes are 0–255: exact as 32-bit integers, floats and doubles alike.
                    var (top, bottom) = Vector256.Widen(Vector256.ConvertToSingle(((lanes >> (8 * b)) & Vector256.Create(0xFFu)).AsInt32()));
                    top.StoreUnsafe(ref target, (nuint)((i + b) * RowsPerBlock));
                    bottom.StoreUnsafe(ref target, (nuint)(((i + b) * RowsPerBlock) + 4));
                }
            }
        }

        for (; i < length; i++)
        {
            for (var lane = 0; lane < RowsPerBlock; lane++)
            {
                columns[(i * RowsPerBlock) + lane] = source.Data[(Row(source, y, lane) * length) + i];
            }
        }
    }

    private static int Row(PixelBuffer source, int y, int lane) => Math.Min(y + lane, source.Height - 1);

    private static uint Read(ref byte row, int i) => Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref row, i));

    // Output row by output row, its taps in order: sums[i] += row[i] · weight for a whole row at a time.
    private static byte[] AverageColumns(double[] rows, int rowLength, Coverage vertical)
    {
        var output = GC.AllocateUninitializedArray<byte>(vertical.Count * rowLength);
        var sums = new double[rowLength];
        for (var y = 0; y < vertical.Count; y++)
        {
            Array.Clear(sums);
            var (first, end) = vertical.Taps(y);
            for (var tap = first; tap < end; tap++)
            {
                AddScaled(rows.AsSpan(vertical.Indexes[tap] * rowLength, rowLength), vertical.Weights[tap], sums);
            }

            var o = y * rowLength;
            for (var i = 0; i < rowLength; i++)
            {
                output[o + i] = (byte)Math.Clamp(Math.Round(sums[i]), 0, 255);
            }
        }

        return output;
    }

    private static void AddScaled(ReadOnlySpan<double> row, double weight, double[] sums)
    {
        var i = 0;
        ref var source = ref MemoryMarshal.GetReference(row);
        ref var target = ref MemoryMarshal.GetArrayDataReference(sums);
        for (; i + Vector256<double>.Count <= row.Length; i += Vector256<double>.Count)
        {
            (Vector256.LoadUnsafe(ref target, (nuint)i) + (Vector256.LoadUnsafe(ref source, (nuint)i) * weight)).StoreUnsafe(ref target, (nuint)i);
        }

        for (; i < row.Length; i++)
        {
            sums[i] += row[i] * weight;
        }
    }

    /// <summary>
    /// For each of Count outputs along an axis: the source indexes it covers and their weights, in order, summing to
    /// 1, flat. Output i covers [i·size/n, (i+1)·size/n).
    /// </summary>
    private sealed class Coverage
    {
        private readonly int[] _starts;

        private Coverage(int[] starts, int[] indexes, double[] weights)
        {
            _starts = starts;
            Indexes = indexes;
            Weights = weights;
        }

        public int Count => _starts.Length - 1;

        public int[] Indexes { get; }

        public double[] Weights { get; }

        public (int First, int End) Taps(int output) => (_starts[output], _starts[output + 1]);

        public static Coverage Of(int size, int n)
        {
            var starts = new int[n + 1];
            var (indexes, weights) = (new List<int>(), new List<double>());
            var scale = (double)size / n;
            for (var i = 0; i < n; i++)
            {
                starts[i] = indexes.Count;
                var (start, end) = (i * scale, (i + 1) * scale);
                for (var s = (int)Math.Floor(start); s < Math.Min(size, (int)Math.Ceiling(end)); s++)
                {
                    var covered = Math.Min(end, s + 1) - Math.Max(start, s);
                    if (covered > 0)
                    {
                        indexes.Add(s);
                        weights.Add(covered / scale);
                    }
                }
            }

            starts[n] = indexes.Count;
            return new Coverage(starts, [.. indexes], [.. weights]);
        }
    }
}
