namespace VehicleImages.Imaging.Resampling;

/// <summary>
/// Rows of 8-bit interleaved pixels, read top to bottom: what the resampler reads, whether the pixels are in managed
/// memory or still in the buffer libvips decoded them into.
/// </summary>
internal abstract class PixelRows(int width, int height, int bands)
{
    public int Width { get; } = width;

    public int Height { get; } = height;

    public int Bands { get; } = bands;

    /// <summary>True when the last band is alpha (2 or 4 bands).</summary>
    public bool HasAlpha => Bands is 2 or 4;

    /// <summary>Row y's bytes, valid until the next call. Rows are asked for in increasing order, some skipped.</summary>
    public abstract ReadOnlySpan<byte> Row(int y);
}

/// <summary>The rows of pixels already in memory.</summary>
internal sealed class BufferedRows(PixelBuffer pixels) : PixelRows(pixels.Width, pixels.Height, pixels.Bands)
{
    public override ReadOnlySpan<byte> Row(int y) => pixels.Data.AsSpan(y * Width * Bands, Width * Bands);
}
