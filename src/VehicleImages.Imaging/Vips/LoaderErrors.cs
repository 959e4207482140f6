using VehicleImages.Domain.Images;

namespace VehicleImages.Imaging.Vips;

/// <summary>
/// Words why libvips could not read an image, from its own loader's lines only: libvips' error buffer is shared by
/// the whole process, so in a parallel batch it also holds other images' errors (a PNG must not be refused for
/// "VipsJpeg: Corrupt JPEG data"). The domains are those libvips 8.14 and the libraries under it write with.
/// </summary>
internal static class LoaderErrors
{
    public static string CauseOf(VipsException exception, ImageFormat format) =>
        exception.FirstLineFrom(DomainsOf(format)) ?? $"the {format} decoder reported an error";

    private static string[] DomainsOf(ImageFormat format) => format switch
    {
        ImageFormat.Jpeg => ["VipsJpeg", "jpegload", "jpeg2vips"],
        ImageFormat.Png => ["vipspng", "pngload", "png2vips", "spng"],
        ImageFormat.WebP => ["webp"],
        ImageFormat.Avif or ImageFormat.Heic => ["heif"],
        ImageFormat.Gif => ["gifload", "nsgif"],

        // libtiff names its lines after its own functions (TIFFReadDirectory) and the stream ("source input").
        ImageFormat.Tiff => ["tiff", "TIFF", "vips__tiff", "source input"],
        _ => [],
    };
}
