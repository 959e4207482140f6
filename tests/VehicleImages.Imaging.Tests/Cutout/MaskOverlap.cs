namespace VehicleImages.Imaging.Tests.Cutout;

/// <summary>Intersection over union of a cut-out's alpha (at 128) and a ground-truth mask (white = car).</summary>
internal static class MaskOverlap
{
    public static double Iou(PixelBuffer rgba, PixelBuffer mask)
    {
        var (both, either) = (0L, 0L);
        for (var i = 0; i < rgba.Width * rgba.Height; i++)
        {
            var cut = rgba.Data[(i * 4) + 3] >= 128;
            var truth = mask.Data[i * mask.Bands] >= 128;
            both += cut && truth ? 1 : 0;
            either += cut || truth ? 1 : 0;
        }

        return either == 0 ? 1 : (double)both / either;
    }
}
