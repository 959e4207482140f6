using VehicleImages.Application.Renditions;
using VehicleImages.Domain.Images;
using VehicleImages.Domain.Renditions;

namespace VehicleImages.Application.Media;

/// <summary>A link and what it really serves: format, dimensions and bytes, as every family reports them.</summary>
public sealed record ServedImage(string Link, ImageFormat Format, int Width, int Height, long ByteSize);

/// <summary>Chooses what a family's answer links to and states exactly what that link serves.</summary>
public sealed class ImageLinks(MediaLinks links, RenditionService renditions)
{
    // Formats every browser shows: an original in one of these is served as ingested.
    private static readonly HashSet<ImageFormat> WebFormats = [ImageFormat.Jpeg, ImageFormat.Png, ImageFormat.WebP, ImageFormat.Avif, ImageFormat.Gif];

    /// <summary>
    /// The original as ingested when browsers can show it (its size and bytes are in the catalog); otherwise a
    /// full-size rendition in the default format.
    /// </summary>
    public async Task<ServedImage> OriginalAsync(VehicleImage image, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(image);
        return WebFormats.Contains(image.Format)
            ? new ServedImage(links.For(image.Id, MediaVariant.Original), image.Format, image.Width, image.Height, image.ByteSize)
            : await RenditionAsync(image, RenditionSpec.Default(RenditionSize.Original, image.HasAlpha), cancellationToken);
    }

    /// <summary>The default rendition (JPEG on white, or PNG for cut-outs) of a size.</summary>
    public Task<ServedImage> RenditionAsync(VehicleImage image, RenditionSize size, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(image);
        return RenditionAsync(image, RenditionSpec.Default(size, image.HasAlpha), cancellationToken);
    }

    /// <summary>
    /// A rendition's link and facts: from the catalog when it was made at ingest, otherwise made now so that its
    /// byte size is known rather than guessed.
    /// </summary>
    public async Task<ServedImage> RenditionAsync(VehicleImage image, RenditionSpec spec, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(image);
        var canonical = spec.Canonical(image.Width, image.Height, image.HasAlpha);
        var link = links.For(image.Id, MediaVariant.Rendition(canonical));
        if (image.Renditions.FirstOrDefault(r => r.Spec == canonical) is { } stored)
        {
            return new ServedImage(link, canonical.Format, stored.Width, stored.Height, stored.ByteSize);
        }

        var made = await renditions.EnsureAsync(image, canonical, cancellationToken);
        var (width, height) = Dimensions(image, canonical);
        return new ServedImage(link, canonical.Format, width, height, made.Length);
    }

    private static (int Width, int Height) Dimensions(VehicleImage image, RenditionSpec spec) =>
        spec.Framed ? FrameGeometry.Size(spec.Size, image.Width, image.Height) : spec.Size.Fit(image.Width, image.Height);
}
