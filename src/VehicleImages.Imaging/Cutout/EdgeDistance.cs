namespace VehicleImages.Imaging.Cutout;

/// <summary>How far each pixel near the mask's edge is from the other side, counted in 8-connected steps.</summary>
internal static class EdgeDistance
{
    /// <summary>
    /// Depth per pixel: 1 for pixels touching the other side, 2 for their neighbours, and so on; pixels further
    /// than limit from the edge get limit + 1. Also the pixels within the limit (on either side), nearest first.
    /// </summary>
    public static (byte[] Depth, List<int> Band) Measure(byte[] mask, int width, int height, int limit)
    {
        var depth = new byte[mask.Length];
        Array.Fill(depth, (byte)(limit + 1));
        var edge = new List<int>();
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var i = (y * width) + x;
                if (TouchesOtherSide(mask, width, height, x, y))
                {
                    depth[i] = 1;
                    edge.Add(i);
                }
            }
        }

        // Breadth first inwards on both sides, never crossing to the other side, until the limit.
        var band = new List<int>(edge);
        var frontier = edge;
        for (var level = 2; level <= limit; level++)
        {
            var next = new List<int>();
            foreach (var i in frontier)
            {
                var (x, y) = (i % width, i / width);
                for (var ny = Math.Max(0, y - 1); ny <= Math.Min(height - 1, y + 1); ny++)
                {
                    for (var nx = Math.Max(0, x - 1); nx <= Math.Min(width - 1, x + 1); nx++)
                    {
                        var j = (ny * width) + nx;
                        if (mask[j] == mask[i] && depth[j] > level)
                        {
                            depth[j] = (byte)level;
                            next.Add(j);
                        }
                    }
                }
            }

            band.AddRange(next);
            frontier = next;
        }

        return (depth, band);
    }

    private static bool TouchesOtherSide(byte[] mask, int width, int height, int x, int y)
    {
        var i = (y * width) + x;
        var side = mask[i];

        // Most pixels are deep inside one side: the four direct neighbours settle them cheaply.
        if ((x > 0 && mask[i - 1] != side) || (x < width - 1 && mask[i + 1] != side)
            || (y > 0 && mask[i - width] != side) || (y < height - 1 && mask[i + width] != side))
        {
            return true;
        }

        for (var dy = -1; dy <= 1; dy += 2)
        {
            for (var dx = -1; dx <= 1; dx += 2)
            {
                var (nx, ny) = (x + dx, y + dy);
                if (nx >= 0 && ny >= 0 && nx < width && ny < height && mask[(ny * width) + nx] != side)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
