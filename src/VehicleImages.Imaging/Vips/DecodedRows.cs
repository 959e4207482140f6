using VehicleImages.Imaging.Native;
using VehicleImages.Imaging.Resampling;

namespace VehicleImages.Imaging.Vips;

/// <summary>
/// An image's pixels computed by libvips, on its own threads, into one buffer of its own, and read from there by the
/// resampler: a picture that is about to be resized is not copied into managed memory first (a large original's
/// copy was a fresh array of several megabytes per render, zeroed pages and all).
/// </summary>
internal sealed unsafe class DecodedRows : PixelRows, IDisposable
{
    private readonly GLibMemoryHandle _memory;
    private readonly byte* _pixels;
    private readonly int _rowBytes;
    private bool _referenced;

    private DecodedRows(GLibMemoryHandle memory, int width, int height, int bands)
        : base(width, height, bands)
    {
        _memory = memory;
        _rowBytes = width * bands;
        // Held until Dispose, so the buffer cannot be freed while rows of it are being read.
        _memory.DangerousAddRef(ref _referenced);
        _pixels = (byte*)_memory.DangerousGetHandle();
    }

    /// <summary>Computes the image (cast to 8 bits a band if it is not) into libvips' memory.</summary>
    public static DecodedRows Of(VipsImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        using var uchar = image.IsUchar ? null : image.Cast("uchar");
        var source = uchar ?? image;
        var memory = Native.Vips.vips_image_write_to_memory(source.Handle, out var size);
        if (memory.IsInvalid || size != (nuint)((long)source.Width * source.Height * source.Bands))
        {
            memory.Dispose();
            throw VipsException.FromErrorBuffer("write_to_memory");
        }

        return new DecodedRows(memory, source.Width, source.Height, source.Bands);
    }

    public override ReadOnlySpan<byte> Row(int y)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(y);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(y, Height);
        return new ReadOnlySpan<byte>(_pixels + ((long)y * _rowBytes), _rowBytes);
    }

    /// <summary>The pixels copied into managed memory, for callers that keep them.</summary>
    public PixelBuffer Copy()
    {
        // Every byte is copied over at once, so the array need not be zeroed first.
        var bytes = GC.AllocateUninitializedArray<byte>(checked(_rowBytes * Height));
        new ReadOnlySpan<byte>(_pixels, bytes.Length).CopyTo(bytes);
        return new PixelBuffer(bytes, Width, Height, Bands);
    }

    public void Dispose()
    {
        if (_referenced)
        {
            _memory.DangerousRelease();
            _referenced = false;
        }

        _memory.Dispose();
    }
}
