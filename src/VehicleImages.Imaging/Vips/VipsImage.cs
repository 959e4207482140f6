using VehicleImages.Imaging.Native;

namespace VehicleImages.Imaging.Vips;

/// <summary>
/// A libvips image and the handful of operations the service uses. Images are lazy: until pixels are needed
/// (CopyMemory, Save, ToPixels) only the header has been read.
/// </summary>
internal sealed class VipsImage : IDisposable
{
    private const int BandFormatUchar = 0;

    internal VipsImage(GObjectHandle handle) => Handle = handle;

    internal GObjectHandle Handle { get; }

    public int Width => Native.Vips.vips_image_get_width(Handle);

    public int Height => Native.Vips.vips_image_get_height(Handle);

    public int Bands => Native.Vips.vips_image_get_bands(Handle);

    public bool HasAlpha => Native.Vips.vips_image_hasalpha(Handle);

    public int Pages => Math.Max(1, Native.Vips.vips_image_get_n_pages(Handle));

    /// <summary>Progressive JPEG or interlaced PNG/GIF: libvips must decode these whole, so they get a lower limit.</summary>
    public bool Interlaced => GetInt("interlaced") is > 0;

    /// <summary>8 bits per band: what browsers draw, and what every rendition is encoded from.</summary>
    public bool IsUchar => Native.Vips.vips_image_get_format(Handle) == BandFormatUchar;

    public bool Has(string field) => Native.Vips.vips_image_get_typeof(Handle, field) != 0;

    public int? GetInt(string field) =>
        Native.Vips.vips_image_get_typeof(Handle, field) != 0 && Native.Vips.vips_image_get_int(Handle, field, out var value) == 0
            ? value
            : null;

    /// <summary>Reads only the header with the named loader (e.g. "pngload_buffer"); no pixels are decoded.</summary>
    public static VipsImage LoadHeader(VipsBlob blob, string loader)
    {
        using var operation = VipsOperation.Create(loader)
            .Set("buffer", blob)
            .Set("access", "sequential")
            .Build();
        return operation.OutputImage();
    }

    /// <summary>
    /// Decodes with the named loader as the pixels are read, the first page only; a JPEG loader can shrink by 2, 4
    /// or 8 as it decodes. Truncated data fails rather than decoding to grey; with <paramref name="failOnWarning"/>,
    /// so does any data the decoder had to guess (libjpeg's "premature end of data segment" when a cut file ends
    /// in an end-of-image marker).
    /// </summary>
    public static VipsImage Load(VipsBlob blob, string loader, int shrinkOnLoad, bool failOnWarning = false)
    {
        using var operation = VipsOperation.Create(loader)
            .Set("buffer", blob)
            .Set("access", "sequential")
            .Set("fail-on", failOnWarning ? "warning" : "truncated");
        if (shrinkOnLoad > 1)
        {
            operation.Set("shrink", shrinkOnLoad);
        }

        return operation.Build().OutputImage();
    }

    public static unsafe VipsImage FromPixels(PixelBuffer pixels)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        GObjectHandle handle;
        fixed (byte* data = pixels.Data)
        {
            handle = Native.Vips.vips_image_new_from_memory_copy(
                data, (nuint)pixels.Data.Length, pixels.Width, pixels.Height, pixels.Bands, BandFormatUchar);
        }

        if (handle.IsInvalid)
        {
            handle.Dispose();
            throw VipsException.FromErrorBuffer("new_from_memory_copy");
        }

        using var raw = new VipsImage(handle);
        return raw.Call("copy", op => op.Set("interpretation", pixels.Bands >= 3 ? "srgb" : "b-w"));
    }

    /// <summary>Averages each factor×factor block into one pixel, streaming: the cheap first step of a large reduction.</summary>
    public VipsImage Shrink(int factor) => Call("shrink", op => op.Set("hshrink", (double)factor).Set("vshrink", (double)factor));

    /// <summary>Turns the image upright by its EXIF orientation (the pixels must be in memory).</summary>
    public VipsImage Autorotate() => Call("autorot", _ => { });

    /// <summary>Removes alpha by compositing onto a solid colour.</summary>
    public VipsImage Flatten(byte red, byte green, byte blue) =>
        Call("flatten", op => op.Set("background", $"{red} {green} {blue}"));

    /// <summary>The same pixels in another band format, such as "uchar"; values are clipped, not scaled.</summary>
    public VipsImage Cast(string format) => Call("cast", op => op.Set("format", format));

    public VipsImage Colourspace(string space) => Call("colourspace", op => op.Set("space", space));

    public VipsImage ExtractBands(int first, int count) => Call("extract_band", op => op.Set("band", first).Set("n", count));

    /// <summary>Decodes the whole pipeline into memory, so later steps read pixels once instead of re-decoding.</summary>
    public VipsImage CopyMemory()
    {
        var handle = Native.Vips.vips_image_copy_memory(Handle);
        if (handle.IsInvalid)
        {
            handle.Dispose();
            throw VipsException.FromErrorBuffer("copy_memory");
        }

        return new VipsImage(handle);
    }

    /// <summary>Encodes with a saver such as "jpegsave_buffer"; the caller names the saver's options.</summary>
    public byte[] Save(string saver, Action<VipsOperation> options)
    {
        using var operation = VipsOperation.Create(saver).Set("in", this);
        options(operation);
        operation.Build();
        return operation.OutputBytes();
    }

    /// <summary>Copies the pixels out as 8-bit interleaved bytes.</summary>
    public PixelBuffer ToPixels()
    {
        using var rows = DecodedRows.Of(this);
        return rows.Copy();
    }

    public void Dispose() => Handle.Dispose();

    private VipsImage Call(string name, Action<VipsOperation> options) => Call(this, name, options);

    private static VipsImage Call(VipsImage input, string name, Action<VipsOperation> options)
    {
        using var operation = VipsOperation.Create(name).Set("in", input);
        options(operation);
        operation.Build();
        return operation.OutputImage();
    }
}
