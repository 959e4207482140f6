using VehicleImages.Domain.Images;

namespace VehicleImages.Imaging;

/// <summary>Limits and encoder settings, bound from the "Imaging" configuration section.</summary>
public sealed class ImagingOptions
{
    public const string Section = "Imaging";

    /// <summary>Another libvips build to load instead of the system's (e.g. sharp's libvips-cpp.so.8.18.x).</summary>
    public string? LibvipsPath { get; set; }

    /// <summary>libvips worker threads per pipeline; parallelism comes from concurrent requests instead.</summary>
    public int Concurrency { get; set; } = 1;

    /// <summary>Largest file accepted, in bytes.</summary>
    public long MaxBytes { get; set; } = 50L * 1024 * 1024;

    /// <summary>Largest width×height accepted; checked from the header before any pixel is decoded.</summary>
    public long MaxPixels { get; set; } = 50_000_000;

    /// <summary>
    /// Lower limit for images libvips must decode whole rather than shrink on load or stream: progressive JPEG,
    /// interlaced PNG, WebP, AVIF/HEIC, GIF and TIFF (a 12000×9000 progressive JPEG took 356 MB against 41 MB for a
    /// baseline one).
    /// </summary>
    public long MaxInterlacedPixels { get; set; } = 16_000_000;

    /// <summary>
    /// Most scans in a JPEG. A progressive JPEG's decode passes over every block once per scan, so its cost is scans
    /// times pixels; encoders write 10 or so, and a file of thousands of tiny scans is an attack.
    /// </summary>
    public int MaxJpegScans { get; set; } = 64;

    /// <summary>Most frames or pages in a file (animated WebP/GIF, HEIF collections); only the first is used.</summary>
    public int MaxPages { get; set; } = 100;

    /// <summary>Formats accepted as input. SVG is never accepted: it is a document that can reference other files.</summary>
    public IList<ImageFormat> AllowedFormats { get; } = [ImageFormat.Jpeg, ImageFormat.Png, ImageFormat.WebP, ImageFormat.Avif];

    public int JpegQuality { get; set; } = 82;

    public int WebpQuality { get; set; } = 80;

    public int AvifQuality { get; set; } = 50;

    /// <summary>AVIF encoder effort, 0 (fastest) to 9; AVIF dominates cold render time, so this stays low.</summary>
    public int AvifEffort { get; set; } = 2;

    public int PngCompression { get; set; } = 6;
}
