using VehicleImages.Imaging.Cutout;

namespace VehicleImages.Imaging.Tests.Cutout;

/// <summary>The cut-out on drawn scenes whose silhouette is known exactly; no corpus needed.</summary>
public sealed class BackgroundRemoverTests
{
    private const int Width = 480;
    private const int Height = 320;

    [Theory]
    [InlineData(255, 255)]
    [InlineData(235, 235)]
    [InlineData(250, 215)]
    public void A_drawn_car_on_a_plain_backdrop_is_cut_out_clean(byte top, byte bottom)
    {
        var (scene, mask) = Scene((_, y) => (byte)(top + ((bottom - top) * y / (Height - 1))));

        var cutout = BackgroundRemover.Remove(scene);

        Assert.True(cutout.IsClean, cutout.Reason);
        Assert.True(MaskOverlap.Iou(cutout.Rgba, mask) >= 0.97);
    }

    [Fact]
    public void A_car_in_a_busy_scene_is_judged_not_clean()
    {
        var random = new Random(7);
        var (scene, _) = Scene((_, _) => (byte)random.Next(40, 256));

        var cutout = BackgroundRemover.Remove(scene);

        Assert.False(cutout.IsClean);
        Assert.StartsWith("not clean", cutout.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_backdrop_is_judged_not_clean()
    {
        var cutout = BackgroundRemover.Remove(new PixelBuffer(Enumerable.Repeat((byte)250, Width * Height * 3).ToArray(), Width, Height, 3));

        Assert.False(cutout.IsClean);
    }

    // A car side on: a dark red body, a lighter cabin, black wheels; the backdrop level per pixel from the function.
    private static (PixelBuffer Scene, PixelBuffer Mask) Scene(Func<int, int, byte> backdrop)
    {
        var scene = new byte[Width * Height * 3];
        var mask = new byte[Width * Height];
        for (var y = 0; y < Height; y++)
        {
            for (var x = 0; x < Width; x++)
            {
                var i = (y * Width) + x;
                (byte R, byte G, byte B)? car =
                    Wheel(x, y, 150) || Wheel(x, y, 330) ? (20, 20, 22)
                    : x is >= 80 and < 400 && y is >= 160 and < 230 ? (150, 20, 30)
                    : y is >= 100 and < 160 && x >= 150 + (160 - y) && x < 340 - (160 - y) ? (60, 70, 90)
                    : null;
                var level = backdrop(x, y);
                (scene[i * 3], scene[(i * 3) + 1], scene[(i * 3) + 2]) = car ?? (level, level, level);
                mask[i] = car is null ? (byte)0 : (byte)255;
            }
        }

        return (new PixelBuffer(scene, Width, Height, 3), new PixelBuffer(mask, Width, Height, 1));
    }

    private static bool Wheel(int x, int y, int centre) => ((x - centre) * (x - centre)) + ((y - 235) * (y - 235)) <= 35 * 35;
}
