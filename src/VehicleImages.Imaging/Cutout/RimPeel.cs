namespace VehicleImages.Imaging.Cutout;

/// <summary>
/// Peels the rim of near-background pixels that a JPEG leaves around the car (ringing, in 8×8 blocks, a few pixels
/// wide) off the foreground. The fill stops at its strict tolerance; a pixel just inside that is still far closer to
/// the background than to the car beside it is background, not car.
/// </summary>
internal static class RimPeel
{
    // At most this many pixels are peeled, inwards from the fill's outline.
    private const int MaxDepth = 4;

    // The car colour a rim pixel is compared with comes from pixels beyond the rim, within this radius.
    private const int CarDepth = MaxDepth + 2;

    // A rim pixel must be this close to the background (in levels, at least this many tolerances of the fill)...
    private const double Closeness = 24;
    private const double ClosenessInTolerances = 4;

    // ...and within this fraction of the way from the background to the car: white paint against a white wall is
    // about as close to the wall as to itself and is never peeled.
    private const double ShareOfContrast = 0.3;

    public static void Apply(RgbImage image, byte[] mask, byte[] surface, double tolerance)
    {
        var (width, height) = (image.Width, image.Height);
        var pixels = image.Data;
        var closeness = Math.Max(Closeness, ClosenessInTolerances * tolerance);
        var (depth, band) = EdgeDistance.Measure(mask, width, height, CarDepth);
        Span<double> car = stackalloc double[3];

        // The band lists pixels nearest the outline first, so a pixel is peeled only next to one already peeled
        // (or to the background): the peel stays connected to the outside.
        foreach (var i in band)
        {
            if (mask[i] == 0 || depth[i] > MaxDepth || !TouchesBackground(mask, width, height, i))
            {
                continue;
            }

            var p = i * 3;
            var near = 0.0;
            for (var c = 0; c < 3; c++)
            {
                near = Math.Max(near, Math.Abs(pixels[p + c] - surface[p + c]));
            }

            if (near > closeness || !SideColour.Mean(image, mask, depth, i, side: 1, minimumDepth: CarDepth + 1, radius: CarDepth + 1, car))
            {
                continue;
            }

            var contrast = 0.0;
            for (var c = 0; c < 3; c++)
            {
                contrast = Math.Max(contrast, Math.Abs(car[c] - surface[p + c]));
            }

            if (near <= ShareOfContrast * contrast)
            {
                mask[i] = 0;
            }
        }
    }

    private static bool TouchesBackground(byte[] mask, int width, int height, int i)
    {
        var (x, y) = (i % width, i / width);
        return (x > 0 && mask[i - 1] == 0) || (x < width - 1 && mask[i + 1] == 0)
            || (y > 0 && mask[i - width] == 0) || (y < height - 1 && mask[i + width] == 0);
    }
}
