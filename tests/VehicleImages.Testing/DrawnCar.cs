using VehicleImages.Imaging;

namespace VehicleImages.Testing;

/// <summary>A car drawn side on (dark red body, lighter cabin, black wheels) whose silhouette is known exactly.</summary>
public static class DrawnCar
{
    public const int Width = 480;
    public const int Height = 320;

    /// <summary>The scene on a grey backdrop whose level at (x, y) the function gives, and its mask (255 = car).</summary>
    public static (PixelBuffer Scene, PixelBuffer Mask) On(Func<int, int, byte> backdrop)
    {
        ArgumentNullException.ThrowIfNull(backdrop);
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

    /// <summary>A busy backdrop: blocks of random grey, like a cluttered showroom.</summary>
    public static Func<int, int, byte> Clutter(int seed)
    {
        var random = new Random(seed);
        var levels = Enumerable.Range(0, (Width / 8 + 1) * (Height / 8 + 1)).Select(_ => (byte)random.Next(40, 256)).ToArray();
        return (x, y) => levels[((y / 8) * ((Width / 8) + 1)) + (x / 8)];
    }

    private static bool Wheel(int x, int y, int centre) => ((x - centre) * (x - centre)) + ((y - 235) * (y - 235)) <= 35 * 35;
}
