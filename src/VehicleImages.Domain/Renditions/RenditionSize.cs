namespace VehicleImages.Domain.Renditions;

/// <summary>The named sizes a client can ask for; each but Original is a square bounding box on the long edge.</summary>
public enum RenditionSize
{
    Thumbnail = 1,
    Small = 2,
    Medium = 3,
    Large = 4,
    Wallpaper = 5,
    Original = 6,
}

/// <summary>Bounding boxes and the no-upscaling rule.</summary>
public static class RenditionSizes
{
    /// <summary>The sizes rendered at ingest, largest first so each can be made from the one before.</summary>
    public static readonly IReadOnlyList<RenditionSize> Standard =
        [RenditionSize.Wallpaper, RenditionSize.Large, RenditionSize.Medium, RenditionSize.Small, RenditionSize.Thumbnail];

    /// <summary>The long edge of the box, or null for Original.</summary>
    public static int? LongEdge(this RenditionSize size) => size switch
    {
        RenditionSize.Thumbnail => 150,
        RenditionSize.Small => 320,
        RenditionSize.Medium => 640,
        RenditionSize.Large => 1280,
        RenditionSize.Wallpaper => 1920,
        RenditionSize.Original => null,
        _ => throw new ArgumentOutOfRangeException(nameof(size), size, null),
    };

    /// <summary>
    /// The dimensions a rendition of a width×height original really has: fitted inside the box, aspect kept,
    /// never larger than the original.
    /// </summary>
    public static (int Width, int Height) Fit(this RenditionSize size, int width, int height) =>
        FitLongEdge(size.LongEdge() ?? int.MaxValue, width, height);

    /// <summary>Scales width×height so the long edge is at most <paramref name="edge"/>; the short edge rounds half away from zero.</summary>
    public static (int Width, int Height) FitLongEdge(int edge, int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        if (Math.Max(width, height) <= edge)
        {
            return (width, height);
        }

        return width >= height
            ? (edge, Math.Max(1, (int)Math.Round((double)height * edge / width, MidpointRounding.AwayFromZero)))
            : (Math.Max(1, (int)Math.Round((double)width * edge / height, MidpointRounding.AwayFromZero)), edge);
    }

    /// <summary>
    /// The size whose rendition is really served: a box the original already fits in gives the Original, so
    /// "Wallpaper" of a 640-pixel photo and "Original" share one stored rendition.
    /// </summary>
    public static RenditionSize Canonical(this RenditionSize size, int width, int height) =>
        size.LongEdge() is { } edge && Math.Max(width, height) > edge ? size : RenditionSize.Original;
}
