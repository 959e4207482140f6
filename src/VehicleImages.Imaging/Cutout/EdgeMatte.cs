namespace VehicleImages.Imaging.Cutout;

/// <summary>
/// Turns the hard foreground mask into RGBA with a soft edge one or two pixels wide, and takes the old background's
/// colour out of the edge pixels so the car shows no light fringe when put on a dark page.
/// </summary>
internal static class EdgeMatte
{
    /// <summary>How far inside the outline a car pixel must be to count as pure car colour.</summary>
    public const int InteriorDepth = 4;

    // Car pixels up to this deep are checked for the old background's colour: JPEG ringing and the photo's own
    // anti-aliasing leave a rim of near-background pixels a few pixels wide outside the true outline.
    private const int RimDepth = InteriorDepth - 1;

    // Pure colours are averaged within this radius: car pixels at least InteriorDepth inside, background pixels at
    // least OutsideDepth outside.
    private const int Window = 4;
    private const int OutsideDepth = 2;

    // Below this contrast (Euclidean, in levels) between car and background the mixing proportion cannot be told
    // from colour: white paint against a white wall. The edge is then feathered by geometry alone.
    private const double MinimumContrast = 30;

    // Rim pixels deeper than the outline itself are only made see-through when this close to the background (in
    // levels, at least this many tolerances of the fill): a chrome trim near the outline stays opaque.
    private const double RimCloseness = 24;
    private const double RimClosenessInTolerances = 4;

    public static PixelBuffer Apply(RgbImage image, Segmentation segmentation)
    {
        var (mask, surface, depth, band) = (segmentation.Mask, segmentation.Surface, segmentation.Depth, segmentation.Band);
        var (width, height) = (image.Width, image.Height);
        var pixels = image.Data;
        var output = new byte[image.Count * 4];
        for (var i = 0; i < mask.Length; i++)
        {
            if (mask[i] == 1)
            {
                output[i * 4] = pixels[i * 3];
                output[(i * 4) + 1] = pixels[(i * 3) + 1];
                output[(i * 4) + 2] = pixels[(i * 3) + 2];
                output[(i * 4) + 3] = 255;
            }
        }

        var rimCloseness = Math.Max(RimCloseness, RimClosenessInTolerances * segmentation.Tolerance);
        Span<double> car = stackalloc double[3];
        Span<double> wall = stackalloc double[3];
        foreach (var i in band)
        {
            var (x, y) = (i % width, i / width);
            var (p, o) = (i * 3, i * 4);
            var outline = depth[i] == 1;
            if ((mask[i] == 0 && !outline) || depth[i] > RimDepth)
            {
                continue;
            }

            if (!outline && Distance(pixels, surface, p) > rimCloseness)
            {
                continue;
            }

            var hasCar = SideColour.Mean(image, mask, depth, i, side: 1, InteriorDepth, Window, car);
            if (!SideColour.Mean(image, mask, depth, i, side: 0, OutsideDepth, Window, wall))
            {
                wall[0] = surface[p];
                wall[1] = surface[p + 1];
                wall[2] = surface[p + 2];
            }

            var (contrast, along) = (0.0, 0.0);
            for (var c = 0; c < 3 && hasCar; c++)
            {
                contrast += (car[c] - wall[c]) * (car[c] - wall[c]);
                along += (pixels[p + c] - wall[c]) * (car[c] - wall[c]);
            }

            var reliable = hasCar && contrast >= MinimumContrast * MinimumContrast;
            if (!outline && !reliable)
            {
                continue;
            }

            // The pixel as a mix of the nearby car and wall colours: its share of car is its projection on the
            // line between them. On the outline itself it is averaged with the geometric coverage, which rounds
            // off the pixel staircase; where colour cannot tell, the coverage alone feathers the edge.
            var mixing = reliable ? Math.Clamp(along / contrast, 0, 1) : 1.0;
            var geometric = Coverage(mask, width, height, x, y);
            var alpha = !outline ? mixing : reliable ? (mixing + geometric) / 2 : geometric;
            for (var c = 0; c < 3; c++)
            {
                // Unmixed: the colour the car would have without the wall showing through. Where the pixel is
                // mostly wall, unmixing is unstable and the nearby car colour stands in.
                var colour = mixing >= 0.5 ? wall[c] + ((pixels[p + c] - wall[c]) / mixing) : car[c];
                output[o + c] = (byte)Math.Clamp((int)Math.Round(colour), 0, 255);
            }

            output[o + 3] = (byte)Math.Clamp((int)Math.Round(alpha * 255), 0, 255);
        }

        return new PixelBuffer(output, width, height, 4);
    }

    private static int Distance(byte[] pixels, byte[] surface, int p) =>
        Math.Max(Math.Abs(pixels[p] - surface[p]), Math.Max(Math.Abs(pixels[p + 1] - surface[p + 1]), Math.Abs(pixels[p + 2] - surface[p + 2])));

    // The share of the 3×3 square around the pixel that is car: a one-pixel feather that rounds the staircase.
    private static double Coverage(byte[] mask, int width, int height, int x, int y)
    {
        var ones = 0;
        for (var dy = -1; dy <= 1; dy++)
        {
            for (var dx = -1; dx <= 1; dx++)
            {
                var (nx, ny) = (Math.Clamp(x + dx, 0, width - 1), Math.Clamp(y + dy, 0, height - 1));
                ones += mask[(ny * width) + nx];
            }
        }

        return ones / 9.0;
    }
}
