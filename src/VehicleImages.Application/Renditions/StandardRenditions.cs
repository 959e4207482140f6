using VehicleImages.Domain.Renditions;
using VehicleImages.Imaging;

namespace VehicleImages.Application.Renditions;

/// <summary>The default rendition of each standard size, made at ingest from the one decode.</summary>
public static class StandardRenditions
{
    /// <summary>The decode ingest needs: big enough for the largest standard size.</summary>
    public static int DecodeEdge => RenditionSize.Wallpaper.LongEdge()!.Value;

    /// <summary>
    /// Renders largest first, each from the one before (cheaper than from the full decode). Sizes that come out
    /// the same as a larger one (a box the original already fits) are made once, as the Original.
    /// </summary>
    public static IReadOnlyList<(RenditionSpec Spec, EncodedImage Image)> Render(DecodedImage decoded)
    {
        ArgumentNullException.ThrowIfNull(decoded);
        var header = decoded.Header;
        var made = new List<(RenditionSpec, EncodedImage)>();
        var seen = new HashSet<RenditionSpec>();
        var source = decoded;
        try
        {
            foreach (var size in RenditionSizes.Standard)
            {
                var spec = RenditionSpec.Default(size, header.HasAlpha).Canonical(header.Width, header.Height, header.HasAlpha);
                if (!seen.Add(spec))
                {
                    continue;
                }

                var edge = size.LongEdge()!.Value;
                if (RenditionSizes.FitLongEdge(edge, header.Width, header.Height) != (source.Width, source.Height))
                {
                    var smaller = source.Shrink(edge);
                    if (!ReferenceEquals(source, decoded))
                    {
                        source.Dispose();
                    }

                    source = smaller;
                }

                made.Add((spec, source.Encode(spec.Background, spec.Format)));
            }
        }
        finally
        {
            if (!ReferenceEquals(source, decoded))
            {
                source.Dispose();
            }
        }

        return made;
    }
}
