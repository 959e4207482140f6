using VehicleImages.Imaging.Cutout;

namespace VehicleImages.Imaging.Tests.Cutout;

/// <summary>The cut-out on drawn scenes whose silhouette is known exactly; no corpus needed.</summary>
public sealed class BackgroundRemoverTests
{
    [Theory]
    [InlineData(255, 255)]
    [InlineData(235, 235)]
    [InlineData(250, 215)]
    public void A_drawn_car_on_a_plain_backdrop_is_cut_out_clean(byte top, byte bottom)
    {
        var (scene, mask) = DrawnCar.On((_, y) => (byte)(top + ((bottom - top) * y / (DrawnCar.Height - 1))));

        var cutout = BackgroundRemover.Remove(scene);

        Assert.True(cutout.IsClean, cutout.Reason);
        Assert.True(MaskOverlap.Iou(cutout.Rgba, mask) >= 0.97);
    }

    [Fact]
    public void A_car_in_a_busy_scene_is_judged_not_clean()
    {
        var (scene, _) = DrawnCar.On(DrawnCar.Clutter(seed: 7));

        var cutout = BackgroundRemover.Remove(scene);

        Assert.False(cutout.IsClean);
        Assert.StartsWith("not clean", cutout.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_backdrop_is_judged_not_clean()
    {
        var (scene, _) = DrawnCar.On((_, _) => 250);
        var empty = new PixelBuffer([.. scene.Data.Select(_ => (byte)250)], scene.Width, scene.Height, 3);

        var cutout = BackgroundRemover.Remove(empty);

        Assert.False(cutout.IsClean);
    }
}
