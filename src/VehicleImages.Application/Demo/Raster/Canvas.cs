using VehicleImages.Imaging;

namespace VehicleImages.Application.Demo.Raster;

/// <summary>
/// An RGBA drawing surface in floating point, premultiplied, composited source-over. Starts fully transparent;
/// paint a background first for an opaque picture.
/// </summary>
internal sealed class Canvas
{
    private readonly float[] _pixels;

    public Canvas(int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        (Width, Height) = (width, height);
        _pixels = new float[width * height * 4];
    }

    public int Width { get; }

    public int Height { get; }

    public void Fill(Shape shape, Paint paint)
    {
        if (CoverageMask.Rasterise(shape, Width, Height) is { } mask)
        {
            Composite(mask, paint);
        }
    }

    /// <summary>Covers the whole canvas with a paint that changes only from top to bottom: the studio backdrop.</summary>
    public void FillRows(Func<int, Rgba> colourOfRow)
    {
        ArgumentNullException.ThrowIfNull(colourOfRow);
        for (var y = 0; y < Height; y++)
        {
            var colour = colourOfRow(y);
            var row = _pixels.AsSpan(y * Width * 4, Width * 4);
            row[..4].Clear();
            (row[0], row[1], row[2], row[3]) = ((float)colour.R, (float)colour.G, (float)colour.B, 1f);
            for (var filled = 4; filled < row.Length; filled *= 2)
            {
                row[..Math.Min(filled, row.Length - filled)].CopyTo(row[filled..]);
            }
        }
    }

    /// <summary>Lays a shadow layer down as a translucent tint, stretching it smoothly back to full resolution.</summary>
    public void Shade(ShadowLayer layer, Rgba colour)
    {
        ArgumentNullException.ThrowIfNull(layer);
        var shrink = layer.Shrink;
        var (left, top, right, bottom) = layer.Extent();
        (left, top) = (Math.Max(0, left * shrink), Math.Max(0, top * shrink));
        (right, bottom) = (Math.Min(Width, right * shrink), Math.Min(Height, bottom * shrink));
        for (var y = top; y < bottom; y++)
        {
            for (var x = left; x < right; x++)
            {
                var alpha = layer.Sample(((x + 0.5) / shrink) - 0.5, ((y + 0.5) / shrink) - 0.5);
                if (alpha > 0)
                {
                    Blend(x, y, colour, alpha);
                }
            }
        }
    }

    /// <summary>The pixels as 8-bit RGBA, or as RGB flattened onto white when the caller wants an opaque picture.</summary>
    public PixelBuffer ToPixelBuffer(bool withAlpha)
    {
        var bands = withAlpha ? 4 : 3;
        var bytes = new byte[Width * Height * bands];
        for (int i = 0, o = 0; i < _pixels.Length; i += 4, o += bands)
        {
            var alpha = _pixels[i + 3];
            if (withAlpha)
            {
                var unpremultiply = alpha > 0 ? 1 / alpha : 0;
                bytes[o] = ToByte(_pixels[i] * unpremultiply);
                bytes[o + 1] = ToByte(_pixels[i + 1] * unpremultiply);
                bytes[o + 2] = ToByte(_pixels[i + 2] * unpremultiply);
                bytes[o + 3] = ToByte(alpha);
            }
            else
            {
                // Flattening onto white means a gap in the backdrop could never come out black.
                var white = 1 - alpha;
                bytes[o] = ToByte(_pixels[i] + white);
                bytes[o + 1] = ToByte(_pixels[i + 1] + white);
                bytes[o + 2] = ToByte(_pixels[i + 2] + white);
            }
        }

        return new PixelBuffer(bytes, Width, Height, bands);
    }

    private void Composite(CoverageMask mask, Paint paint)
    {
        for (var row = 0; row < mask.Height; row++)
        {
            var y = mask.Top + row;
            for (var column = 0; column < mask.Width; column++)
            {
                var coverage = mask.Values[(row * mask.Width) + column];
                if (coverage > 0)
                {
                    var x = mask.Left + column;
                    var colour = paint.At(x + 0.5, y + 0.5);
                    Blend(x, y, colour, (float)colour.A * coverage);
                }
            }
        }
    }

    // Source-over onto premultiplied pixels.
    private void Blend(int x, int y, Rgba colour, float alpha)
    {
        var keep = 1 - alpha;
        var i = ((y * Width) + x) * 4;
        _pixels[i] = ((float)colour.R * alpha) + (_pixels[i] * keep);
        _pixels[i + 1] = ((float)colour.G * alpha) + (_pixels[i + 1] * keep);
        _pixels[i + 2] = ((float)colour.B * alpha) + (_pixels[i + 2] * keep);
        _pixels[i + 3] = alpha + (_pixels[i + 3] * keep);
    }

    private static byte ToByte(float value) => (byte)Math.Clamp((int)MathF.Round(value * 255), 0, 255);
}
