using System.Globalization;
using VehicleImages.Domain.Images;

namespace VehicleImages.Domain.Renditions;

/// <summary>Where originals and renditions live in a blob store. Pure functions of content, so no table is needed.</summary>
public static class BlobKeys
{
    /// <summary>
    /// Part of every rendition key. Bump it whenever the encoder's output changes (settings, libvips upgrade
    /// that matters, new pipeline step) so that stale renditions are never served. A bump also orphans the renditions
    /// made at ingest, whose sizes the catalog states, so it is for changes a client would see: the move from
    /// libvips' resampler to our own kept 1 (same dimensions, the same picture to within rounding).
    /// </summary>
    public const int EncoderVersion = 1;

    /// <summary>Originals are content-addressed, fanned out by the first two hex digits.</summary>
    public static string Original(ContentHash hash) => $"originals/{hash.Hex[..2]}/{hash.Hex}";

    public static string Rendition(ContentHash hash, RenditionSpec spec) =>
        string.Create(CultureInfo.InvariantCulture,
            $"renditions/v{EncoderVersion}/{hash.Hex[..2]}/{hash.Hex}/{spec.Size.ToString().ToLowerInvariant()}-{spec.Background.ToString().ToLowerInvariant()}{(spec.Framed ? "-framed" : "")}{spec.Format.Extension()}");

    /// <summary>
    /// Marks a cut-out that was refused because the background was not plain enough; holds the reason, so the
    /// verdict is made once like the rendition it stands for.
    /// </summary>
    public static string CutoutRefusal(ContentHash hash, RenditionSpec spec) => Rendition(hash, spec) + ".refused";

    /// <summary>Every rendition of one original shares this prefix, so deleting an image can sweep them.</summary>
    public static string RenditionPrefix(ContentHash hash) => $"renditions/v{EncoderVersion}/{hash.Hex[..2]}/{hash.Hex}/";
}
