using System.Runtime.InteropServices;
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
    /// Shrink-on-load thumbnail to exactly width×height (the caller keeps the aspect), auto-rotated, in sRGB.
    /// Truncated or corrupt data fails rather than decoding to grey.
    /// </summary>
    public static VipsImage Thumbnail(VipsBlob blob, int width, int height)
    {
        using var operation = VipsOperation.Create("thumbnail_buffer")
            .Set("buffer", blob)
            .Set("width", width)
            .Set("height", height)
            .Set("size", "force")
            // libvips 8.14's thumbnail_buffer ignores its own fail-on; the loader option string reaches the loader.
            .Set("option-string", "fail_on=truncated")
            .Build();
        return operation.OutputImage();
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

    /// <summary>
    /// Resizes to exactly width×height (callers that keep the aspect compute the dimensions first). The whole part
    /// of each factor is done by box-filter shrink, which averages every source pixel and is cheap; Lanczos only
    /// resamples what is left. Plain resize operations, not thumbnail_image: the pixels are already decoded to
    /// sRGB, and thumbnail_image would run colour management again on every call.
    /// </summary>
    public VipsImage Resize(int width, int height)
    {
        var (horizontalFactor, verticalFactor) = ((double)Width / width, (double)Height / height);
        var (wholeHorizontal, wholeVertical) = (Math.Max(1, (int)Math.Floor(horizontalFactor)), Math.Max(1, (int)Math.Floor(verticalFactor)));
        using var shrunk = wholeHorizontal > 1 || wholeVertical > 1
            ? Call("shrink", op => op.Set("hshrink", wholeHorizontal).Set("vshrink", wholeVertical))
            : null;
        var source = shrunk ?? this;
        using var reduced = source.Width != width || source.Height != height
            ? Call(source, "resize", op => op.Set("scale", (double)width / source.Width).Set("vscale", (double)height / source.Height))
            : null;
        var result = reduced ?? source;
        if (result.Width == width && result.Height == height)
        {
            return Reference(result);
        }

        // Rounding can leave a pixel over or under; trim or pad by edge replication to the exact size.
        return Call(result, "gravity", op => op.Set("direction", "north-west").Set("width", width).Set("height", height).Set("extend", "copy"));
    }

    /// <summary>Removes alpha by compositing onto a solid colour.</summary>
    public VipsImage Flatten(byte red, byte green, byte blue) =>
        Call("flatten", op => op.Set("background", $"{red} {green} {blue}"));

    /// <summary>Colour times alpha (as floats), so resampling does not pull in the colour of invisible pixels.</summary>
    public VipsImage Premultiply() => Call("premultiply", _ => { });

    /// <summary>The inverse of <see cref="Premultiply"/>.</summary>
    public VipsImage Unpremultiply() => Call("unpremultiply", _ => { });

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
        using var uchar = Native.Vips.vips_image_get_format(Handle) == BandFormatUchar ? null : Call("cast", op => op.Set("format", "uchar"));
        var source = uchar ?? this;
        using var memory = Native.Vips.vips_image_write_to_memory(source.Handle, out var size);
        if (memory.IsInvalid)
        {
            throw VipsException.FromErrorBuffer("write_to_memory");
        }

        var bytes = new byte[checked((int)size)];
        var added = false;
        memory.DangerousAddRef(ref added);
        try
        {
            Marshal.Copy(memory.DangerousGetHandle(), bytes, 0, bytes.Length);
        }
        finally
        {
            if (added)
            {
                memory.DangerousRelease();
            }
        }

        return new PixelBuffer(bytes, source.Width, source.Height, source.Bands);
    }

    public void Dispose() => Handle.Dispose();

    // A second owner of the same image, so the caller's using-disposal of the first leaves this one valid.
    private static VipsImage Reference(VipsImage image)
    {
        var added = false;
        image.Handle.DangerousAddRef(ref added);
        try
        {
            return new VipsImage(GObject.g_object_ref(image.Handle.DangerousGetHandle()));
        }
        finally
        {
            if (added)
            {
                image.Handle.DangerousRelease();
            }
        }
    }

    private VipsImage Call(string name, Action<VipsOperation> options) => Call(this, name, options);

    private static VipsImage Call(VipsImage input, string name, Action<VipsOperation> options)
    {
        using var operation = VipsOperation.Create(name).Set("in", input);
        options(operation);
        operation.Build();
        return operation.OutputImage();
    }
}
