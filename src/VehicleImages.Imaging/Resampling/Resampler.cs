using System.Buffers;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace VehicleImages.Imaging.Resampling;

/// <summary>
/// Lanczos-3 resizing of 8-bit pixels, in managed SIMD code rather than libvips: Debian's libvips 8.14 resamples
/// in plain C loops (a 1918×1280 photo to 1280 px took 26–43 ms, against 2.6 ms in libvips 8.18), and its vector
/// paths (liborc) are unsafe across threads there. Separable: each source row is filtered horizontally once, into a
/// ring holding the rows the vertical filter reads, and each output row is filtered vertically from the ring, so the
/// working memory is a few rows whatever the image. Every pixel is filtered as four floats; alpha is premultiplied
/// while filtering, so invisible pixels lend their colour to no neighbour.
/// </summary>
internal static class Resampler
{
    private const int Lanes = 4;

    /// <summary>The pixels resized to exactly width×height (the caller keeps the aspect); the same buffer when already that size.</summary>
    public static PixelBuffer Resize(PixelBuffer source, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(source);
        return (source.Width, source.Height) == (width, height) ? source : Resize(new BufferedRows(source), width, height);
    }

    /// <summary>The rows resized to exactly width×height, each source row read once, top to bottom.</summary>
    public static PixelBuffer Resize(PixelRows source, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (source.Bands is < 1 or > Lanes)
        {
            throw new ArgumentException($"{source.Bands} bands: only 1 to {Lanes} can be resampled.", nameof(source));
        }

        var horizontal = AxisWeights.Lanczos3(source.Width, width);
        var vertical = AxisWeights.Lanczos3(source.Height, height);
        var pairs = (horizontal.Taps + 1) / 2;
        var rowLength = width * Lanes;
        // Output rows are made two at a time from the union of their windows (see FilterColumns), and source rows
        // are filtered two at a time (see FilterRows), which can run one row past that union: the ring holds both.
        var step = 0;
        for (var y = 1; y < height; y++)
        {
            step = Math.Max(step, vertical.Starts[y] - vertical.Starts[y - 1]);
        }

        var union = vertical.Taps + step;
        var ringRows = union + 1;
        var pool = ArrayPool<float>.Shared;
        // One zero pixel past the end of each expanded row: the tap that pads an odd count reads it, with weight 0.
        var expanded = pool.Rent((source.Width + 1) * Lanes);
        var expandedNext = pool.Rent((source.Width + 1) * Lanes);
        var spread = pool.Rent(width * pairs * 2 * Lanes);
        var ring = pool.Rent(ringRows * rowLength);
        var sums = pool.Rent(rowLength);
        var sumsNext = pool.Rent(rowLength);
        var slots = new int[union];
        var (weights, weightsNext) = (new float[union], new float[union]);
        try
        {
            Array.Clear(expanded);
            Array.Clear(expandedNext);
            Spread(horizontal, pairs, spread);
            var output = GC.AllocateUninitializedArray<byte>(checked(width * height * source.Bands)); // every byte is written below
            var outputRow = width * source.Bands;
            var next = 0;
            for (var y = 0; y < height; y += 2)
            {
                var start = vertical.Starts[y];
                var both = y + 1 < height;
                var end = (both ? vertical.Starts[y + 1] : start) + vertical.Taps;
                for (next = Math.Max(next, start); next < end;)
                {
                    // The source's last row, when it has no row after it, is filtered as both rows of the pair.
                    var second = Math.Min(next + 1, source.Height - 1);
                    Expand(source, next, expanded);
                    Expand(source, second, expandedNext);
                    FilterRows(expanded, expandedNext, horizontal.Starts, spread, pairs, Slot(next), Slot(second));
                    next += 2;
                }

                var count = end - start;
                for (var k = 0; k < count; k++)
                {
                    slots[k] = ((start + k) % ringRows) * rowLength;
                    // Each output row's weights over the union of the two windows, zero outside its own.
                    weights[k] = k < vertical.Taps ? vertical.Weights[(y * vertical.Taps) + k] : 0f;
                    var own = start + k - (both ? vertical.Starts[y + 1] : start);
                    weightsNext[k] = both && own >= 0 && own < vertical.Taps ? vertical.Weights[((y + 1) * vertical.Taps) + own] : 0f;
                }

                FilterColumns(ring, slots.AsSpan(0, count), weights, weightsNext, sums.AsSpan(0, rowLength), sumsNext.AsSpan(0, rowLength));
                Store(sums.AsSpan(0, rowLength), output.AsSpan(y * outputRow, outputRow), source.Bands);
                if (both)
                {
                    Store(sumsNext.AsSpan(0, rowLength), output.AsSpan((y + 1) * outputRow, outputRow), source.Bands);
                }
            }

            return new PixelBuffer(output, width, height, source.Bands);

            Span<float> Slot(int row) => ring.AsSpan((row % ringRows) * rowLength, rowLength);
        }
        finally
        {
            pool.Return(expanded);
            pool.Return(expandedNext);
            pool.Return(spread);
            pool.Return(ring);
            pool.Return(sums);
            pool.Return(sumsNext);
        }
    }

    // Each horizontal weight four times (once per lane), taps padded to an even count, so two taps are one 8-float step.
    private static void Spread(AxisWeights horizontal, int pairs, float[] spread)
    {
        var taps = horizontal.Taps;
        var perOutput = pairs * 2;
        for (var x = 0; x < horizontal.Starts.Length; x++)
        {
            for (var k = 0; k < perOutput; k++)
            {
                var weight = k < taps ? horizontal.Weights[(x * taps) + k] : 0f;
                spread.AsSpan(((x * perOutput) + k) * Lanes, Lanes).Fill(weight);
            }
        }
    }

    // One source row as four floats a pixel, colour premultiplied by alpha.
    private static void Expand(PixelRows source, int row, float[] expanded)
    {
        var bands = source.Bands;
        var width = source.Width;
        var data = source.Row(row);
        // Three and four bands go four pixels a step while 16 bytes can be read; the rest one by one below.
        var pixel = bands switch
        {
            3 => ExpandRgb(data, expanded),
            4 => ExpandRgba(data, expanded),
            _ => 0,
        };
        var alpha = source.HasAlpha ? bands - 1 : -1;
        for (; pixel < width; pixel++)
        {
            var at = pixel * bands;
            var opacity = alpha < 0 ? 1f : data[at + alpha] / 255f;
            for (var band = 0; band < Lanes; band++)
            {
                expanded[(pixel * Lanes) + band] = band >= bands ? 0f : band == alpha ? data[at + band] : data[at + band] * opacity;
            }
        }
    }

    private static int ExpandRgb(ReadOnlySpan<byte> data, float[] expanded)
    {
        ref var from = ref MemoryMarshal.GetReference(data);
        ref var to = ref MemoryMarshal.GetArrayDataReference(expanded);
        // RGB RGB RGB RGB (12 bytes) to RGB0 RGB0 RGB0 RGB0; an index of 0xFF gives 0. Written out here, not held in a
        // field, so the JIT sees a constant and emits one byte shuffle.
        var rgbToLanes = Vector128.Create((byte)0, 1, 2, 0xFF, 3, 4, 5, 0xFF, 6, 7, 8, 0xFF, 9, 10, 11, 0xFF);
        var pixel = 0;
        for (; (pixel * 3) + 16 <= data.Length; pixel += 4)
        {
            var (low, high) = Vector128.Widen(Vector128.Shuffle(Vector128.LoadUnsafe(ref from, (nuint)(pixel * 3)), rgbToLanes));
            var (first, second) = Vector128.Widen(low);
            var (third, fourth) = Vector128.Widen(high);
            var offset = (nuint)(pixel * Lanes);
            Vector128.ConvertToSingle(first.AsInt32()).StoreUnsafe(ref to, offset);
            Vector128.ConvertToSingle(second.AsInt32()).StoreUnsafe(ref to, offset + 4);
            Vector128.ConvertToSingle(third.AsInt32()).StoreUnsafe(ref to, offset + 8);
            Vector128.ConvertToSingle(fourth.AsInt32()).StoreUnsafe(ref to, offset + 12);
        }

        return pixel;
    }

    private static int ExpandRgba(ReadOnlySpan<byte> data, float[] expanded)
    {
        ref var from = ref MemoryMarshal.GetReference(data);
        ref var to = ref MemoryMarshal.GetArrayDataReference(expanded);
        var pixel = 0;
        for (; (pixel * 4) + 16 <= data.Length; pixel += 4)
        {
            var (low, high) = Vector128.Widen(Vector128.LoadUnsafe(ref from, (nuint)(pixel * 4)));
            var (first, second) = Vector128.Widen(low);
            var (third, fourth) = Vector128.Widen(high);
            var offset = (nuint)(pixel * Lanes);
            Premultiplied(first).StoreUnsafe(ref to, offset);
            Premultiplied(second).StoreUnsafe(ref to, offset + 4);
            Premultiplied(third).StoreUnsafe(ref to, offset + 8);
            Premultiplied(fourth).StoreUnsafe(ref to, offset + 12);
        }

        return pixel;
    }

    // Colour times alpha / 255; the alpha lane stays.
    private static Vector128<float> Premultiplied(Vector128<uint> rgba)
    {
        var value = Vector128.ConvertToSingle(rgba.AsInt32());
        var opacity = Vector128.Shuffle(value, Vector128.Create(3, 3, 3, 3)) / 255f;
        return value * Vector128.ConditionalSelect(Vector128.Create(0, 0, 0, -1).AsSingle(), Vector128<float>.One, opacity);
    }

    // Two source rows at once, each summing even and odd tap pairs apart: every weight vector is loaded once for
    // both rows, and loads, not arithmetic, are what this loop waits on.
    private static void FilterRows(float[] first, float[] second, int[] starts, float[] spread, int pairs, Span<float> firstFiltered, Span<float> secondFiltered)
    {
        ref var a = ref MemoryMarshal.GetArrayDataReference(first);
        ref var b = ref MemoryMarshal.GetArrayDataReference(second);
        ref var weights = ref MemoryMarshal.GetArrayDataReference(spread);
        ref var toA = ref MemoryMarshal.GetReference(firstFiltered);
        ref var toB = ref MemoryMarshal.GetReference(secondFiltered);
        var step = (nuint)(pairs * 2 * Lanes);
        for (var x = 0; x < starts.Length; x++)
        {
            var from = (nuint)(starts[x] * Lanes);
            var weight = (nuint)x * step;
            var (a0, a1, b0, b1) = (Vector256<float>.Zero, Vector256<float>.Zero, Vector256<float>.Zero, Vector256<float>.Zero);
            nuint k = 0;
            for (; k + 16 <= step; k += 16)
            {
                var even = Vector256.LoadUnsafe(ref weights, weight + k);
                var odd = Vector256.LoadUnsafe(ref weights, weight + k + 8);
                a0 = Vector256.MultiplyAddEstimate(Vector256.LoadUnsafe(ref a, from + k), even, a0);
                b0 = Vector256.MultiplyAddEstimate(Vector256.LoadUnsafe(ref b, from + k), even, b0);
                a1 = Vector256.MultiplyAddEstimate(Vector256.LoadUnsafe(ref a, from + k + 8), odd, a1);
                b1 = Vector256.MultiplyAddEstimate(Vector256.LoadUnsafe(ref b, from + k + 8), odd, b1);
            }

            if (k < step)
            {
                var last = Vector256.LoadUnsafe(ref weights, weight + k);
                a0 = Vector256.MultiplyAddEstimate(Vector256.LoadUnsafe(ref a, from + k), last, a0);
                b0 = Vector256.MultiplyAddEstimate(Vector256.LoadUnsafe(ref b, from + k), last, b0);
            }

            var at = (nuint)(x * Lanes);
            Halves(a0 + a1).StoreUnsafe(ref toA, at);
            Halves(b0 + b1).StoreUnsafe(ref toB, at);
        }
    }

    // A pair of taps sums a pixel in each half of the vector; the pixel is their total.
    private static Vector128<float> Halves(Vector256<float> pair) => pair.GetLower() + pair.GetUpper();

    // Two output rows at once from the union of their windows (a row outside one's window has weight 0 there): each
    // source vector is loaded once for both rows, as in FilterRows; four vectors a step keep eight sums in flight.
    private static void FilterColumns(float[] ring, ReadOnlySpan<int> slots, float[] weights, float[] weightsNext, Span<float> sums, Span<float> sumsNext)
    {
        ref var rows = ref MemoryMarshal.GetArrayDataReference(ring);
        ref var first = ref MemoryMarshal.GetReference(sums);
        ref var second = ref MemoryMarshal.GetReference(sumsNext);
        var length = sums.Length;
        var i = 0;
        for (; i + 32 <= length; i += 32)
        {
            var (p0, p1, p2, p3) = (Vector256<float>.Zero, Vector256<float>.Zero, Vector256<float>.Zero, Vector256<float>.Zero);
            var (q0, q1, q2, q3) = (Vector256<float>.Zero, Vector256<float>.Zero, Vector256<float>.Zero, Vector256<float>.Zero);
            for (var k = 0; k < slots.Length; k++)
            {
                var (w, v) = (Vector256.Create(weights[k]), Vector256.Create(weightsNext[k]));
                var at = (nuint)(slots[k] + i);
                var (r0, r1, r2, r3) = (Vector256.LoadUnsafe(ref rows, at), Vector256.LoadUnsafe(ref rows, at + 8), Vector256.LoadUnsafe(ref rows, at + 16), Vector256.LoadUnsafe(ref rows, at + 24));
                p0 = Vector256.MultiplyAddEstimate(r0, w, p0);
                q0 = Vector256.MultiplyAddEstimate(r0, v, q0);
                p1 = Vector256.MultiplyAddEstimate(r1, w, p1);
                q1 = Vector256.MultiplyAddEstimate(r1, v, q1);
                p2 = Vector256.MultiplyAddEstimate(r2, w, p2);
                q2 = Vector256.MultiplyAddEstimate(r2, v, q2);
                p3 = Vector256.MultiplyAddEstimate(r3, w, p3);
                q3 = Vector256.MultiplyAddEstimate(r3, v, q3);
            }

            var to = (nuint)i;
            p0.StoreUnsafe(ref first, to);
            p1.StoreUnsafe(ref first, to + 8);
            p2.StoreUnsafe(ref first, to + 16);
            p3.StoreUnsafe(ref first, to + 24);
            q0.StoreUnsafe(ref second, to);
            q1.StoreUnsafe(ref second, to + 8);
            q2.StoreUnsafe(ref second, to + 16);
            q3.StoreUnsafe(ref second, to + 24);
        }

        // A row is a whole number of 4-float pixels: what is left goes a pixel at a time.
        for (; i < length; i += 4)
        {
            var (p, q) = (Vector128<float>.Zero, Vector128<float>.Zero);
            for (var k = 0; k < slots.Length; k++)
            {
                var row = Vector128.LoadUnsafe(ref rows, (nuint)(slots[k] + i));
                p = Vector128.MultiplyAddEstimate(row, Vector128.Create(weights[k]), p);
                q = Vector128.MultiplyAddEstimate(row, Vector128.Create(weightsNext[k]), q);
            }

            p.StoreUnsafe(ref first, (nuint)i);
            q.StoreUnsafe(ref second, (nuint)i);
        }
    }

    // Rounds and clamps the filtered floats back to bytes, dividing colour by alpha again.
    private static void Store(ReadOnlySpan<float> sums, Span<byte> row, int bands)
    {
        var width = sums.Length / Lanes;
        // Three and four bands go four pixels a step while 16 bytes can be written; the rest one by one below.
        var pixel = bands switch
        {
            3 => StoreRgb(sums, row),
            4 => StoreRgba(sums, row),
            _ => 0,
        };
        var alpha = bands is 2 or 4 ? bands - 1 : -1;
        for (; pixel < width; pixel++)
        {
            var at = pixel * Lanes;
            var opacity = alpha < 0 ? 255f : sums[at + alpha];
            for (var band = 0; band < bands; band++)
            {
                var value = sums[at + band];
                if (band != alpha && alpha >= 0)
                {
                    value = opacity > 0 ? value * 255f / opacity : 0f;
                }

                row[(pixel * bands) + band] = (byte)Math.Clamp((int)MathF.Round(value), 0, 255);
            }
        }
    }

    private static int StoreRgb(ReadOnlySpan<float> sums, Span<byte> row)
    {
        ref var from = ref MemoryMarshal.GetReference(sums);
        ref var to = ref MemoryMarshal.GetReference(row);
        var floor = Vector256<float>.Zero;
        var ceiling = Vector256.Create(255f);
        var lanesToRgb = Vector128.Create((byte)0, 1, 2, 4, 5, 6, 8, 9, 10, 12, 13, 14, 0xFF, 0xFF, 0xFF, 0xFF);
        var pixel = 0;
        for (; (pixel * 3) + 16 <= row.Length; pixel += 4)
        {
            var offset = (nuint)(pixel * Lanes);
            var first = Vector256.ConvertToInt32Native(Vector256.Min(Vector256.Max(Vector256.Round(Vector256.LoadUnsafe(ref from, offset)), floor), ceiling));
            var second = Vector256.ConvertToInt32Native(Vector256.Min(Vector256.Max(Vector256.Round(Vector256.LoadUnsafe(ref from, offset + 8)), floor), ceiling));
            var shorts = Vector256.Narrow(first.AsUInt32(), second.AsUInt32());
            var bytes = Vector128.Narrow(shorts.GetLower(), shorts.GetUpper());
            Vector128.Shuffle(bytes, lanesToRgb).StoreUnsafe(ref to, (nuint)(pixel * 3));
        }

        return pixel;
    }

    private static int StoreRgba(ReadOnlySpan<float> sums, Span<byte> row)
    {
        ref var from = ref MemoryMarshal.GetReference(sums);
        ref var to = ref MemoryMarshal.GetReference(row);
        var pixel = 0;
        for (; (pixel * 4) + 16 <= row.Length; pixel += 4)
        {
            var offset = (nuint)(pixel * Lanes);
            var low = Vector128.Narrow(Unpremultiplied(Vector128.LoadUnsafe(ref from, offset)), Unpremultiplied(Vector128.LoadUnsafe(ref from, offset + 4)));
            var high = Vector128.Narrow(Unpremultiplied(Vector128.LoadUnsafe(ref from, offset + 8)), Unpremultiplied(Vector128.LoadUnsafe(ref from, offset + 12)));
            Vector128.Narrow(low, high).StoreUnsafe(ref to, (nuint)(pixel * 4));
        }

        return pixel;
    }

    // Colour divided by alpha again, rounded and clamped to 0-255.
    private static Vector128<uint> Unpremultiplied(Vector128<float> rgba)
    {
        var opacity = rgba.GetElement(3);
        var scale = opacity > 0 ? 255f / opacity : 0f;
        var value = Vector128.Round(rgba * Vector128.Create(scale, scale, scale, 1f));
        return Vector128.ConvertToInt32Native(Vector128.Min(Vector128.Max(value, Vector128<float>.Zero), Vector128.Create(255f))).AsUInt32();
    }
}
