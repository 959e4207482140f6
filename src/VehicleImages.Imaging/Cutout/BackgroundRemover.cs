namespace VehicleImages.Imaging.Cutout;

/// <summary>
/// Removes a plain studio background from a photo without alpha: fits the background to the frame's border,
/// flood-fills it (with any soft shadow) from the edges, feathers and defringes the edge, and says honestly whether
/// the result is clean enough to show. Deterministic; plain C# on one core.
/// </summary>
public static class BackgroundRemover
{
    // Foreground regions smaller than this share of the frame are noise the fill stepped around, not car.
    private const double SpeckShare = 1.0 / 20_000;

    /// <summary>Cuts the car out of an RGB photo (grey or RGBA input is read as RGB).</summary>
    public static CutoutResult Remove(PixelBuffer rgb)
    {
        ArgumentNullException.ThrowIfNull(rgb);
        var image = RgbImage.From(rgb);
        var segmentation = Segment(image);
        var verdict = CutoutVerdict.Judge(segmentation.Measures);
        var rgba = EdgeMatte.Apply(image, segmentation);
        return new CutoutResult(rgba, verdict.IsClean, segmentation.Measures.BorderFit, verdict.Reason);
    }

    internal static Segmentation Segment(RgbImage image)
    {
        var (width, height) = (image.Width, image.Height);
        var model = BackgroundModel.Fit(image);
        var surface = model.Render(width, height);
        var labels = BackgroundFill.Run(image, surface, model.Tolerance, model.Noise);

        var mask = new byte[labels.Length];
        var shadow = 0;
        for (var i = 0; i < labels.Length; i++)
        {
            mask[i] = labels[i] == BackgroundFill.Foreground ? (byte)1 : (byte)0;
            shadow += labels[i] == BackgroundFill.Shadow ? 1 : 0;
        }

        RimPeel.Apply(image, mask, surface, model.Tolerance);
        var regions = ForegroundRegions.RemoveSpecks(mask, width, height, Math.Max(16, (int)(labels.Length * SpeckShare)));
        var (depth, band) = EdgeDistance.Measure(mask, width, height, EdgeMatte.InteriorDepth);
        var kept = regions.Sum();
        var outline = band.Count(i => mask[i] == 1 && depth[i] == 1);
        var (secondFit, secondNoise) = BackgroundModel.SecondSurface(image, mask);
        var measures = new CutoutMeasures(
            model.BorderFit,
            secondFit,
            secondNoise,
            model.Noise,
            (double)kept / mask.Length,
            OnBorder(mask, width, height),
            kept == 0 ? 0 : (double)regions.Max() / kept,
            outline / Math.Sqrt(Math.Max(1, kept)),
            (double)shadow / mask.Length);
        return new Segmentation(mask, surface, depth, band, model.Tolerance, measures);
    }

    private static double OnBorder(byte[] mask, int width, int height)
    {
        var onBorder = 0;
        for (var x = 0; x < width; x++)
        {
            onBorder += mask[x] + mask[((height - 1) * width) + x];
        }

        for (var y = 1; y < height - 1; y++)
        {
            onBorder += mask[y * width] + mask[(y * width) + width - 1];
        }

        return (double)onBorder / ((2 * width) + (2 * Math.Max(0, height - 2)));
    }
}
