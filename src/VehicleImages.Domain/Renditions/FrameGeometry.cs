namespace VehicleImages.Domain.Renditions;

/// <summary>
/// Where a framed rendition puts the car: every frame of a size has the same aspect and the same margin, and the
/// car stands on the bottom margin, centred across, so a row of framed images of different cars lines up.
/// </summary>
public static class FrameGeometry
{
    /// <summary>Frames are 4:3, the shape of most listing grids.</summary>
    public const double Aspect = 4.0 / 3.0;

    /// <summary>The margin on every side, as a share of the frame's height.</summary>
    public const double Margin = 0.06;

    /// <summary>
    /// The frame of a size: the size's box wide (a framed original is as wide as the original's long edge), 3 high
    /// for every 4 wide.
    /// </summary>
    public static (int Width, int Height) Size(RenditionSize size, int width, int height)
    {
        var edge = size.LongEdge() ?? Math.Max(width, height);
        return (edge, Math.Max(1, (int)Math.Round(edge / Aspect, MidpointRounding.AwayFromZero)));
    }

    /// <summary>
    /// Where the car's bounding box (boxWidth×boxHeight) goes in a frame: scaled to fill the space inside the
    /// margins, centred across, standing on the bottom margin.
    /// </summary>
    public static (int X, int Y, int Width, int Height) Place(int frameWidth, int frameHeight, int boxWidth, int boxHeight)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(boxWidth);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(boxHeight);
        var margin = (int)Math.Round(Margin * frameHeight);
        var (innerWidth, innerHeight) = (Math.Max(1, frameWidth - (2 * margin)), Math.Max(1, frameHeight - (2 * margin)));
        var scale = Math.Min((double)innerWidth / boxWidth, (double)innerHeight / boxHeight);
        var width = Math.Clamp((int)Math.Round(boxWidth * scale), 1, innerWidth);
        var height = Math.Clamp((int)Math.Round(boxHeight * scale), 1, innerHeight);
        return ((frameWidth - width) / 2, frameHeight - margin - height, width, height);
    }
}
