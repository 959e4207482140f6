namespace VehicleImages.Imaging.Cutout;

/// <summary>The pure colour of one side of the outline near a pixel: what an edge pixel is a mix of.</summary>
internal static class SideColour
{
    /// <summary>
    /// The mean colour of the pixels of one side (mask value) at least minimumDepth from the outline, within a
    /// square of the given radius around pixel i; false when there are none.
    /// </summary>
    public static bool Mean(
        RgbImage image, byte[] mask, byte[] depth, int i, byte side, int minimumDepth, int radius, Span<double> mean)
    {
        var (width, height, pixels) = (image.Width, image.Height, image.Data);
        var (x, y) = (i % width, i / width);
        mean.Clear();
        var count = 0;
        for (var ny = Math.Max(0, y - radius); ny <= Math.Min(height - 1, y + radius); ny++)
        {
            for (var nx = Math.Max(0, x - radius); nx <= Math.Min(width - 1, x + radius); nx++)
            {
                var j = (ny * width) + nx;
                if (mask[j] == side && depth[j] >= minimumDepth)
                {
                    mean[0] += pixels[j * 3];
                    mean[1] += pixels[(j * 3) + 1];
                    mean[2] += pixels[(j * 3) + 2];
                    count++;
                }
            }
        }

        for (var c = 0; c < 3 && count > 0; c++)
        {
            mean[c] /= count;
        }

        return count > 0;
    }
}
