using VehicleImages.Domain.Images;

namespace VehicleImages.Domain.Renditions;

/// <summary>What to derive from an original: size, background, encoding, and whether the car is framed (see <see cref="FrameGeometry"/>).</summary>
public readonly record struct RenditionSpec(RenditionSize Size, Background Background, ImageFormat Format, bool Framed = false)
{
    /// <summary>The formats renditions are encoded in.</summary>
    public static readonly IReadOnlyList<ImageFormat> Formats = [ImageFormat.Jpeg, ImageFormat.Png, ImageFormat.WebP, ImageFormat.Avif];

    /// <summary>Every rendition a link can ask for of an original of this shape, canonicalised, each once, smallest size first.</summary>
    public static IReadOnlyList<RenditionSpec> AllFor(int width, int height, bool hasAlpha) =>
    [
        .. (from size in Enum.GetValues<RenditionSize>()
            from background in Enum.GetValues<Background>()
            from format in Formats
            select new RenditionSpec(size, background, format).Canonical(width, height, hasAlpha)).Distinct(),
    ];

    /// <summary>The default rendition clients get: JPEG on white, or PNG keeping alpha for cut-outs.</summary>
    public static RenditionSpec Default(RenditionSize size, bool hasAlpha) =>
        hasAlpha ? new(size, Background.Transparent, ImageFormat.Png) : new(size, Background.Opaque, ImageFormat.Jpeg);

    /// <summary>
    /// The spec whose output is really served for an original of this shape. Requests that would give the same
    /// pixels share one stored rendition: a box the original fits in is the Original; a transparent background is
    /// opaque when there is no alpha to keep or the format cannot carry it; a cut-out of an image that already has
    /// alpha keeps that alpha.
    /// </summary>
    public RenditionSpec Canonical(int width, int height, bool hasAlpha) => this with
    {
        Size = Size.Canonical(width, height),
        Background = (Background, hasAlpha) switch
        {
            _ when !Format.SupportsAlpha() => Background.Opaque,
            (Background.Opaque, _) => Background.Opaque,
            (_, true) => Background.Transparent,
            (Background.Cutout, false) => Background.Cutout,
            _ => Background.Opaque,
        },
    };
}
