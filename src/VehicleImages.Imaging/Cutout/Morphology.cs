namespace VehicleImages.Imaging.Cutout;

/// <summary>Binary erosion and dilation by a square, on masks of 0 and 1, as two running-count passes.</summary>
internal static class Morphology
{
    /// <summary>1 where the whole (2r+1)² square around the pixel is 1; outside the frame counts as 1.</summary>
    public static byte[] Erode(byte[] mask, int width, int height, int radius)
    {
        var grown = Dilate(Invert(mask), width, height, radius);
        for (var i = 0; i < grown.Length; i++)
        {
            grown[i] ^= 1;
        }

        return grown;
    }

    /// <summary>1 where any pixel of the (2r+1)² square around the pixel is 1.</summary>
    public static byte[] Dilate(byte[] mask, int width, int height, int radius)
    {
        var rows = new byte[mask.Length];
        for (var y = 0; y < height; y++)
        {
            var start = y * width;
            var ones = 0;
            for (var k = 0; k < Math.Min(radius, width); k++)
            {
                ones += mask[start + k];
            }

            for (var x = 0; x < width; x++)
            {
                if (x + radius < width)
                {
                    ones += mask[start + x + radius];
                }

                if (x - radius - 1 >= 0)
                {
                    ones -= mask[start + x - radius - 1];
                }

                rows[start + x] = ones > 0 ? (byte)1 : (byte)0;
            }
        }

        // The vertical pass runs row by row with a count per column, so memory is read in order.
        var output = new byte[mask.Length];
        var counts = new int[width];
        for (var y = 0; y < Math.Min(radius, height); y++)
        {
            Add(rows, counts, y * width, 1);
        }

        for (var y = 0; y < height; y++)
        {
            if (y + radius < height)
            {
                Add(rows, counts, (y + radius) * width, 1);
            }

            if (y - radius - 1 >= 0)
            {
                Add(rows, counts, (y - radius - 1) * width, -1);
            }

            var start = y * width;
            for (var x = 0; x < width; x++)
            {
                output[start + x] = counts[x] > 0 ? (byte)1 : (byte)0;
            }
        }

        return output;
    }

    private static void Add(byte[] rows, int[] counts, int start, int sign)
    {
        for (var x = 0; x < counts.Length; x++)
        {
            counts[x] += sign * rows[start + x];
        }
    }

    private static byte[] Invert(byte[] mask)
    {
        var output = new byte[mask.Length];
        for (var i = 0; i < mask.Length; i++)
        {
            output[i] = (byte)(1 - mask[i]);
        }

        return output;
    }
}
