namespace VehicleImages.Domain.Images;

/// <summary>The raster formats the service reads and writes.</summary>
public enum ImageFormat
{
    Jpeg = 1,
    Png = 2,
    WebP = 3,
    Avif = 4,
    Heic = 5,
    Gif = 6,
    Tiff = 7,
}

/// <summary>MIME types and file extensions of <see cref="ImageFormat"/>.</summary>
public static class ImageFormats
{
    public static string MimeType(this ImageFormat format) => format switch
    {
        ImageFormat.Jpeg => "image/jpeg",
        ImageFormat.Png => "image/png",
        ImageFormat.WebP => "image/webp",
        ImageFormat.Avif => "image/avif",
        ImageFormat.Heic => "image/heic",
        ImageFormat.Gif => "image/gif",
        ImageFormat.Tiff => "image/tiff",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    public static string Extension(this ImageFormat format) => format switch
    {
        ImageFormat.Jpeg => ".jpg",
        ImageFormat.Png => ".png",
        ImageFormat.WebP => ".webp",
        ImageFormat.Avif => ".avif",
        ImageFormat.Heic => ".heic",
        ImageFormat.Gif => ".gif",
        ImageFormat.Tiff => ".tif",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    /// <summary>Whether the format can carry an alpha channel.</summary>
    public static bool SupportsAlpha(this ImageFormat format) => format is not ImageFormat.Jpeg;
}
