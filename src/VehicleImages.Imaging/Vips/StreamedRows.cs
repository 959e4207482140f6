using System.Runtime.InteropServices;
using VehicleImages.Imaging.Native;
using VehicleImages.Imaging.Resampling;

namespace VehicleImages.Imaging.Vips;

/// <summary>
/// An image's rows computed by libvips a strip at a time, as the resampler reads down it: a large original is
/// decoded into a strip that stays in cache, never into one buffer the size of the whole picture.
/// </summary>
internal sealed class StreamedRows : PixelRows, IDisposable
{
    private const int StripHeight = 16;

    private readonly GObjectHandle _region;
    private readonly byte[] _strip;
    private readonly int _rowBytes;
    private int _stripTop;
    private int _stripRows;

    private StreamedRows(VipsImage image)
        : base(image.Width, image.Height, image.Bands)
    {
        _region = Native.Vips.vips_region_new(image.Handle);
        if (_region.IsInvalid)
        {
            _region.Dispose();
            throw VipsException.FromErrorBuffer("region_new");
        }

        _rowBytes = Width * Bands;
        _strip = new byte[_rowBytes * StripHeight];
    }

    /// <summary>Rows of an 8-bit image (callers cast first); the image must outlive them.</summary>
    public static StreamedRows Of(VipsImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (!image.IsUchar)
        {
            throw new ArgumentException("Rows are streamed from 8-bit images only.", nameof(image));
        }

        return new StreamedRows(image);
    }

    public override ReadOnlySpan<byte> Row(int y)
    {
        if (y < _stripTop || y >= _stripTop + _stripRows)
        {
            Fetch(y);
        }

        return _strip.AsSpan((y - _stripTop) * _rowBytes, _rowBytes);
    }

    public void Dispose() => _region.Dispose();

    private void Fetch(int top)
    {
        var rows = Math.Min(StripHeight, Height - top);
        using var memory = Native.Vips.vips_region_fetch(_region, 0, top, Width, rows, out var length);
        if (memory.IsInvalid || length != (nuint)(rows * _rowBytes))
        {
            throw VipsException.FromErrorBuffer("region_fetch");
        }

        var added = false;
        memory.DangerousAddRef(ref added);
        try
        {
            Marshal.Copy(memory.DangerousGetHandle(), _strip, 0, rows * _rowBytes);
        }
        finally
        {
            if (added)
            {
                memory.DangerousRelease();
            }
        }

        (_stripTop, _stripRows) = (top, rows);
    }
}
