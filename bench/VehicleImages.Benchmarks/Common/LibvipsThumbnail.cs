using VehicleImages.Imaging;
using VehicleImages.Imaging.Vips;

namespace VehicleImages.Benchmarks.Common;

/// <summary>
/// The ingest benchmarks' floor: libvips' own thumbnail of one file (shrink-on-load, libvips' resize) and libvips'
/// own JPEG encode with ingest's settings. Called through the binding directly, not through ImageProcessor, so the
/// floor stays libvips' cost whatever the service's own decode and encode do.
/// </summary>
internal static class LibvipsThumbnail
{
    public static byte[] Jpeg(ImageProcessor imaging, byte[] file, int edge)
    {
        using var blob = VipsBlob.Copy(file);
        using var operation = VipsOperation.Create("thumbnail_buffer")
            .Set("buffer", blob)
            .Set("width", edge)
            .Set("height", edge)
            .Set("size", "down")
            .Build();
        using var thumbnail = operation.OutputImage();
        return thumbnail.Save("jpegsave_buffer", op => op
            .Set("Q", imaging.Options.JpegQuality).Set("strip", true).Set("optimize-coding", true));
    }
}
