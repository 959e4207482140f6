using System.Globalization;
using System.Runtime.InteropServices;
using VehicleImages.Domain.Images;
using VehicleImages.Domain.Renditions;
using VehicleImages.Imaging.Cutout;
using VehicleImages.Imaging.Formats;
using VehicleImages.Imaging.Framing;
using VehicleImages.Imaging.Jpeg;
using VehicleImages.Imaging.Resampling;
using VehicleImages.Imaging.Vips;

namespace VehicleImages.Imaging;

/// <summary>
/// The imaging entry point: checks untrusted bytes against the limits before any decode, decodes once with
/// shrink-on-load, and renders renditions. Thread-safe; build one per process.
/// </summary>
public sealed class ImageProcessor
{
    private const double Megapixel = 1_000_000d;

    private readonly ImagingOptions _options;

    public ImageProcessor(ImagingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        Library = VipsRuntime.Initialize(options.LibvipsPath, options.Concurrency);
    }

    public VipsLibrary Library { get; }

    public ImagingOptions Options => _options;

    /// <summary>Identifies the format from its bytes and reads the header; throws <see cref="ImageRejectedException"/> with the reason.</summary>
    public ImageHeader Probe(ReadOnlySpan<byte> bytes)
    {
        using var blob = CheckAndCopy(bytes, out var format);
        using var image = LoadHeader(blob, format);
        return CheckLimits(image, format, bytes);
    }

    /// <summary>
    /// Probes, then decodes once into memory, shrunk on load to fit a maxEdge square (never enlarged). Everything
    /// ingest derives (renditions, analyses) comes from this one decode.
    /// </summary>
    public DecodedImage Decode(ReadOnlySpan<byte> bytes, int maxEdge)
    {
        using var blob = CheckAndCopy(bytes, out var format);
        ImageHeader header;
        using (var headerImage = LoadHeader(blob, format))
        {
            header = CheckLimits(headerImage, format, bytes);
        }

        // Exact target dimensions from the original, so a rendition has the same size however it is made.
        var (width, height) = RenditionSizes.FitLongEdge(maxEdge, header.Width, header.Height);
        var shrinkOnLoad = ShrinkOnLoad(header, width, height);
        if (header.PlainJpeg && DecodeJpeg(bytes, header, shrinkOnLoad, width, height) is { } pixels)
        {
            return new DecodedImage(header, pixels, this);
        }

        try
        {
            return new DecodedImage(header, DecodeTo(blob, header, shrinkOnLoad, width, height), this);
        }
        catch (VipsException e)
        {
            // libvips' error text is one buffer for the whole process: with decodes in parallel it may hold other
            // images' errors too, so the reason keeps only what this format's own loader said.
            throw new ImageRejectedException(RejectionReason.Corrupt, $"{format} data is truncated or corrupt ({LoaderErrors.CauseOf(e, format)})", e);
        }
    }

    // A JPEG shrinks on load by 2, 4 or 8 in the DCT: the largest factor that leaves at least the target size, as
    // sharp's default does (libvips' own thumbnail keeps twice the target). Width and height are as displayed, like
    // the header's, so the factor is the same either way up.
    private static int ShrinkOnLoad(ImageHeader header, int width, int height)
    {
        var factor = Math.Min(header.Width / width, header.Height / height);
        return header.Format != ImageFormat.Jpeg ? 1 : factor >= 8 ? 8 : factor >= 4 ? 4 : factor >= 2 ? 2 : 1;
    }

    /// <summary>
    /// A plain JPEG decoded by libjpeg-turbo on this thread and resized by our resampler; refused when its data is
    /// broken, null when the TurboJPEG API cannot read it and libvips is to decode it and decide.
    /// </summary>
    private static PixelBuffer? DecodeJpeg(ReadOnlySpan<byte> bytes, ImageHeader header, int shrinkOnLoad, int width, int height)
    {
        var keep = (header.Width / shrinkOnLoad, header.Height / shrinkOnLoad) == (width, height);
        using var decoded = JpegDecoder.TryDecode(bytes, shrinkOnLoad, keep);
        if (decoded is null)
        {
            return null;
        }

        return (decoded.Width, decoded.Height) == (width, height) ? decoded.ToPixels() : Resampler.Resize(decoded, width, height);
    }

    /// <summary>
    /// Decodes upright, in sRGB (or grey), 8 bits a band, at exactly width×height, through libvips: what libvips'
    /// thumbnail does, with our resampler in place of libvips' own resize, the slow part on Debian's 8.14. The loader
    /// shrinks a JPEG on load, anything still twice too large is box-averaged by libvips as it streams in, and the
    /// resampler reads what is left (a factor under 2) straight from the buffer libvips computed on its own threads
    /// (write_to_memory). A version that had the resampler pull strips through a region on the caller's thread left
    /// libvips state on .NET thread-pool threads, and a test process crashed (SIGSEGV in a pool thread, 2 runs in 10).
    /// </summary>
    private static PixelBuffer DecodeTo(VipsBlob blob, ImageHeader header, int shrinkOnLoad, int width, int height)
    {
        // libjpeg's warnings mean broken data, as on the TurboJPEG path; other formats' decoders warn about
        // harmless things (a PNG's colour profile), so for them only a cut file fails.
        using var loaded = VipsImage.Load(blob, LoaderFor(header.Format), shrinkOnLoad, failOnWarning: header.Format == ImageFormat.Jpeg);
        using var display = loaded.Colourspace(loaded.Bands < 3 ? "b-w" : "srgb");
        // Turning needs the whole image at once; the loader streams, so only a turned image is copied first.
        using var whole = (loaded.GetInt("orientation") ?? 1) is 1 ? null : display.CopyMemory();
        using var upright = whole?.Autorotate();
        var turned = upright ?? display;
        var left = Math.Min(turned.Width / width, turned.Height / height);
        using var boxed = left >= 2 ? turned.Shrink(left) : null;
        var source = boxed ?? turned;
        if ((source.Width, source.Height) == (width, height))
        {
            return source.ToPixels();
        }

        using var rows = DecodedRows.Of(source);
        return Resampler.Resize(rows, width, height);
    }

    /// <summary>
    /// Hands the native heap's free memory back to the system. libvips and its decoders allocate with malloc, whose
    /// arenas keep freed pages for reuse; after a burst of large decodes that is memory no request is using.
    /// </summary>
    public static void ReturnFreeNativeMemory()
    {
        if (OperatingSystem.IsLinux())
        {
            _ = Native.C.malloc_trim(0);
        }
    }

    /// <summary>Renders one rendition of an original: the on-demand path of the media endpoint.</summary>
    public EncodedImage Render(ReadOnlySpan<byte> original, RenditionSpec spec)
    {
        if (WantsOriginalJpeg(spec) && AsIs(original, Probe(original), spec) is { } asIs)
        {
            return asIs;
        }

        var decoded = Decode(original, DecodeEdge(spec));
        if (!spec.Framed)
        {
            return decoded.Encode(spec.Background, spec.Format);
        }

        var (width, height) = FrameGeometry.Size(spec.Size, decoded.Header.Width, decoded.Header.Height);
        var framed = Framer.Frame(Framer.Subject(decoded.Pixels()), width, height);
        return Encode(FlattenFor(spec.Background, framed), spec.Format);
    }

    /// <summary>
    /// The original-size JPEG rendition made without a re-encode: the original's own compressed data with its
    /// metadata removed (see <see cref="JpegMetadata"/>), when it is compressed at or below our JPEG quality. Null
    /// when the spec or the original needs a real render;
    /// ingest and the media endpoint both come here first, so a rendition is the same bytes however it was made.
    /// </summary>
    public EncodedImage? AsIs(ReadOnlySpan<byte> original, ImageHeader header, RenditionSpec spec)
    {
        ArgumentNullException.ThrowIfNull(header);
        // An original compressed harder than our own encode would be is served as it is: no generation loss, and
        // no more bytes than a re-encode. One compressed more lightly is re-encoded: smaller, and as good to look at.
        if (!header.ServableAsIs || !WantsOriginalJpeg(spec) || JpegMetadata.EstimatedQuality(original) is not { } quality
            || quality > _options.JpegQuality || JpegMetadata.Strip(original) is not { } stripped)
        {
            return null;
        }

        // What is served must read back as the same picture; anything else is re-encoded.
        try
        {
            var served = Probe(stripped);
            return served.ServableAsIs && (served.Width, served.Height) == (header.Width, header.Height)
                ? new EncodedImage(stripped, ImageFormat.Jpeg, header.Width, header.Height)
                : null;
        }
        catch (ImageRejectedException)
        {
            return null;
        }
    }

    private static bool WantsOriginalJpeg(RenditionSpec spec) =>
        spec.Size == RenditionSize.Original && spec.Format == ImageFormat.Jpeg && spec.Background == Background.Opaque && !spec.Framed;

    /// <summary>
    /// Renders the cut-out of a photo without alpha (see <see cref="BackgroundRemover"/>), framed if asked: the image
    /// only when the background was plain enough to remove cleanly, and the verdict in words either way.
    /// </summary>
    public (EncodedImage? Image, string Verdict) RenderCutout(ReadOnlySpan<byte> original, RenditionSpec spec)
    {
        var decoded = Decode(original, DecodeEdge(spec));
        var cutout = BackgroundRemover.Remove(decoded.Pixels());
        if (!cutout.IsClean)
        {
            return (null, cutout.Reason);
        }

        var (width, height) = FrameGeometry.Size(spec.Size, decoded.Header.Width, decoded.Header.Height);
        return (Encode(spec.Framed ? Framer.Frame(cutout.Rgba, width, height) : cutout.Rgba, spec.Format), cutout.Reason);
    }

    // A framed car is scaled to fill the frame: decoding at twice the frame's size leaves room to trim the
    // background around it without enlarging what is left.
    private static int DecodeEdge(RenditionSpec spec) =>
        spec.Size.LongEdge() is { } edge ? (spec.Framed ? 2 * edge : edge) : int.MaxValue;

    /// <summary>
    /// Encodes pixels as an image file: JPEG through libjpeg-turbo directly (alpha composited onto white, as JPEG
    /// has none), the other formats through libvips.
    /// </summary>
    public EncodedImage Encode(PixelBuffer pixels, ImageFormat format)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        if (format == ImageFormat.Jpeg)
        {
            var opaque = pixels.HasAlpha ? Flatten(pixels) : pixels;
            return new EncodedImage(JpegEncoder.Encode(opaque, _options.JpegQuality), format, pixels.Width, pixels.Height);
        }

        using var image = VipsImage.FromPixels(pixels);
        var bytes = format switch
        {
            ImageFormat.Png => image.Save("pngsave_buffer", op => op
                .Set("compression", _options.PngCompression).Set("strip", true)),
            ImageFormat.WebP => image.Save("webpsave_buffer", op => op
                .Set("Q", _options.WebpQuality).Set("strip", true)),
            ImageFormat.Avif => image.Save("heifsave_buffer", op => op
                .Set("compression", "av1").Set("Q", _options.AvifQuality).Set("effort", _options.AvifEffort).Set("strip", true)),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Renditions are JPEG, PNG, WebP or AVIF."),
        };
        return new EncodedImage(bytes, format, pixels.Width, pixels.Height);
    }

    /// <summary>The pixels a rendition encodes: on an opaque background, alpha is composited onto white.</summary>
    internal static PixelBuffer FlattenFor(Background background, PixelBuffer pixels) =>
        pixels.HasAlpha && background == Background.Opaque ? Flatten(pixels) : pixels;

    // libvips composites, so every path flattens exactly alike.
    private static PixelBuffer Flatten(PixelBuffer pixels)
    {
        using var image = VipsImage.FromPixels(pixels);
        using var flat = image.Flatten(255, 255, 255);
        return flat.ToPixels();
    }

    private VipsBlob CheckAndCopy(ReadOnlySpan<byte> bytes, out ImageFormat format)
    {
        if (bytes.IsEmpty)
        {
            throw new ImageRejectedException(RejectionReason.Empty, "empty file (0 bytes)");
        }

        if (bytes.Length > _options.MaxBytes)
        {
            throw new ImageRejectedException(RejectionReason.TooManyBytes,
                $"file is {bytes.Length / Megapixel:0.#} MB, over the {_options.MaxBytes / Megapixel:0.#} MB limit");
        }

        var sniffed = FormatSniffer.Sniff(bytes);
        format = sniffed switch
        {
            { Kind: SniffedKind.Raster, Format: { } raster } => raster,
            { Kind: SniffedKind.Svg } => throw new ImageRejectedException(RejectionReason.UnsupportedFormat,
                "SVG is not accepted: vector documents can run scripts and load other files; send a raster image"),
            { Kind: SniffedKind.Pdf } => throw new ImageRejectedException(RejectionReason.NotAnImage, "a PDF document, not an image"),
            { Kind: SniffedKind.Html } => throw new ImageRejectedException(RejectionReason.NotAnImage, "an HTML page, not an image"),
            { Kind: SniffedKind.Text } => throw new ImageRejectedException(RejectionReason.NotAnImage, "a text file, not an image"),
            _ => throw new ImageRejectedException(RejectionReason.NotAnImage, "not a recognised image format"),
        };

        if (!_options.AllowedFormats.Contains(format))
        {
            throw new ImageRejectedException(RejectionReason.UnsupportedFormat,
                $"{format} input is not enabled (accepted: {string.Join(", ", _options.AllowedFormats)})");
        }

        if (format == ImageFormat.Jpeg && JpegScans.Count(bytes, _options.MaxJpegScans) is var scans && scans > _options.MaxJpegScans)
        {
            throw new ImageRejectedException(RejectionReason.TooManyScans,
                $"JPEG has more than {_options.MaxJpegScans} scans (each one a pass over the whole image); found at least {scans}");
        }

        return VipsBlob.Copy(bytes);
    }

    private static VipsImage LoadHeader(VipsBlob blob, ImageFormat format)
    {
        try
        {
            return VipsImage.LoadHeader(blob, LoaderFor(format));
        }
        catch (VipsException e)
        {
            throw new ImageRejectedException(RejectionReason.Corrupt, $"{format} header is unreadable ({LoaderErrors.CauseOf(e, format)})", e);
        }
    }

    private ImageHeader CheckLimits(VipsImage image, ImageFormat format, ReadOnlySpan<byte> bytes)
    {
        var (width, height) = (image.Width, image.Height);
        var pixels = (long)width * height;
        var interlaced = image.Interlaced;
        var whole = DecodesWhole(format, interlaced);
        var limit = whole ? Math.Min(_options.MaxInterlacedPixels, _options.MaxPixels) : _options.MaxPixels;
        if (pixels > limit)
        {
            throw new ImageRejectedException(RejectionReason.TooManyPixels, string.Create(CultureInfo.InvariantCulture,
                $"{width}x{height} is {pixels / Megapixel:0.#} megapixels, over the {limit / Megapixel:0.#} MP limit{(whole ? $" for {(interlaced ? "interlaced images" : format)}, which are decoded whole" : "")}"));
        }

        // libvips' own count can be fooled (a WebP of 10,000 frames reads as 1), so the container is walked too.
        var pages = FrameCounter.Count(bytes, format) is { } counted
            ? Math.Max(image.Pages, counted)
            : throw new ImageRejectedException(RejectionReason.Corrupt, $"{format} container is malformed: its frames cannot be counted");
        if (pages > _options.MaxPages)
        {
            throw new ImageRejectedException(RejectionReason.TooManyPages, $"{pages} pages or frames, over the limit of {_options.MaxPages}");
        }

        // EXIF orientations 5-8 turn the image a quarter: the displayed width is the stored height.
        var orientation = image.GetInt("orientation") ?? 1;
        var plainJpeg = format == ImageFormat.Jpeg && orientation == 1 && image.Bands is 1 or 3 && image.IsUchar;
        var servableAsIs = plainJpeg && !image.Has("icc-profile-data");
        return orientation is >= 5 and <= 8
            ? new ImageHeader(format, height, width, image.HasAlpha, pages, interlaced, plainJpeg, servableAsIs)
            : new ImageHeader(format, width, height, image.HasAlpha, pages, interlaced, plainJpeg, servableAsIs);
    }

    /// <summary>
    /// The memory a render of this original for this spec may hold at its peak, in bytes, estimated from the header
    /// before any pixel is decoded: what a render reserves from the process's render memory budget.
    /// </summary>
    public long RenderMemoryEstimate(ReadOnlySpan<byte> original, RenditionSpec spec)
    {
        var header = Probe(original);
        var (width, height) = RenditionSizes.FitLongEdge(DecodeEdge(spec), header.Width, header.Height);
        var shrink = ShrinkOnLoad(header, width, height);
        var decoded = DecodesWhole(header.Format, header.Interlaced)
            ? (long)header.Width * header.Height * WholeDecodeBytesPerPixel
            : (long)(header.Width / shrink) * (header.Height / shrink) * BytesPerPixel;
        return decoded + ((long)width * height * BytesPerPixel * RenderCopies);
    }

    private const int BytesPerPixel = 4;

    // The decoder's own frame plus the copy libvips makes of it, both with room for alpha.
    private const int WholeDecodeBytesPerPixel = 2 * BytesPerPixel;

    // The resized pixels, a framed or flattened copy, and the encoder's working buffers.
    private const int RenderCopies = 3;

    /// <summary>
    /// Formats libvips cannot shrink on load or stream row by row: libwebp, libheif and the GIF and TIFF loaders
    /// decode a whole frame into memory, and progressive JPEG and interlaced PNG need every pass before any row.
    /// </summary>
    private static bool DecodesWhole(ImageFormat format, bool interlaced) =>
        interlaced || format is not (ImageFormat.Jpeg or ImageFormat.Png);

    private static string LoaderFor(ImageFormat format) => format switch
    {
        ImageFormat.Jpeg => "jpegload_buffer",
        ImageFormat.Png => "pngload_buffer",
        ImageFormat.WebP => "webpload_buffer",
        ImageFormat.Avif or ImageFormat.Heic => "heifload_buffer",
        ImageFormat.Gif => "gifload_buffer",
        ImageFormat.Tiff => "tiffload_buffer",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };
}
