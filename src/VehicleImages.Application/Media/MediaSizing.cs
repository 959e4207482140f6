using VehicleImages.Domain.Renditions;

namespace VehicleImages.Application.Media;

/// <summary>
/// Turns a requested width into one of the standard sizes: the smallest whose box is at least that wide, or the
/// original beyond the largest. Snapping keeps the number of renditions per image small and bounded, so a client
/// cannot make the server render and store an image at every width it can think of.
/// </summary>
public static class MediaSizing
{
    public const int MaxWidth = 10_000;

    public static RenditionSize ForWidth(int width)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(width, MaxWidth);
        foreach (var size in RenditionSizes.Standard.Reverse())
        {
            if (size.LongEdge() >= width)
            {
                return size;
            }
        }

        return RenditionSize.Original;
    }
}
