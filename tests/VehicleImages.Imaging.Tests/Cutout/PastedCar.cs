using VehicleImages.Domain.Images;

namespace VehicleImages.Imaging.Tests.Cutout;

/// <summary>
/// A car from a Carvana photo pasted onto a plain backdrop through its ground-truth mask, the edge blended over one
/// pixel as a lens would, then saved as a JPEG like a studio's photo: a studio shot whose true silhouette is known.
/// </summary>
internal static class PastedCar
{
    private const byte LightGrey = 235;
    private const byte GradientTop = 250;
    private const byte GradientBottom = 215;

    // The shadow: an ellipse as wide as the car, centred on the bottom of its bounding box, blurred, darkening the
    // white by up to this much.
    private const double ShadowOpacity = 0.35;

    public static PixelBuffer Compose(PixelBuffer photo, PixelBuffer mask, StudioBackdrop backdrop)
    {
        var (width, height) = (photo.Width, photo.Height);
        var shade = backdrop == StudioBackdrop.WhiteWithShadow ? Shadow(mask) : null;
        var output = new byte[width * height * 3];
        for (var y = 0; y < height; y++)
        {
            var level = backdrop switch
            {
                StudioBackdrop.LightGrey => LightGrey,
                StudioBackdrop.Gradient => GradientTop + ((GradientBottom - GradientTop) * y / (double)Math.Max(1, height - 1)),
                _ => 255d,
            };

            for (var x = 0; x < width; x++)
            {
                var i = (y * width) + x;
                var car = Coverage(mask, x, y);
                var value = level * (1 - (ShadowOpacity * (shade?[i] ?? 0)));
                for (var c = 0; c < 3; c++)
                {
                    output[(i * 3) + c] = (byte)Math.Round((car * photo.Data[(i * photo.Bands) + c]) + ((1 - car) * value));
                }
            }
        }

        var jpeg = Processors.Default.Encode(new PixelBuffer(output, width, height, 3), ImageFormat.Jpeg).Bytes;
        var decoded = Processors.Default.Decode(jpeg, int.MaxValue);
        return decoded.Pixels();
    }

    // The share of the 3×3 square around the pixel that the mask calls car.
    private static double Coverage(PixelBuffer mask, int x, int y)
    {
        var car = 0;
        for (var dy = -1; dy <= 1; dy++)
        {
            for (var dx = -1; dx <= 1; dx++)
            {
                var (nx, ny) = (Math.Clamp(x + dx, 0, mask.Width - 1), Math.Clamp(y + dy, 0, mask.Height - 1));
                car += mask[nx, ny, 0] >= 128 ? 1 : 0;
            }
        }

        return car / 9.0;
    }

    /// <summary>The mask's bounding box as (left, top, right, bottom), inclusive.</summary>
    public static (int Left, int Top, int Right, int Bottom) Bounds(PixelBuffer mask)
    {
        var (left, top, right, bottom) = (mask.Width, mask.Height, -1, -1);
        for (var y = 0; y < mask.Height; y++)
        {
            for (var x = 0; x < mask.Width; x++)
            {
                if (mask.Data[((y * mask.Width) + x) * mask.Bands] >= 128)
                {
                    (left, top, right, bottom) = (Math.Min(left, x), Math.Min(top, y), Math.Max(right, x), Math.Max(bottom, y));
                }
            }
        }

        return (left, top, right, bottom);
    }

    // A filled ellipse (half the car's width across, a tenth of its height tall) blurred by three box passes,
    // which approximate a Gaussian: 0 to 1 per pixel.
    private static double[] Shadow(PixelBuffer mask)
    {
        var (width, height) = (mask.Width, mask.Height);
        var (left, top, right, bottom) = Bounds(mask);
        var (cx, cy) = ((left + right) / 2.0, (double)bottom);
        var (a, b) = ((right - left) / 2.0, Math.Max(6, (bottom - top) / 10.0));
        var field = new double[width * height];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var (dx, dy) = ((x - cx) / a, (y - cy) / b);
                field[(y * width) + x] = (dx * dx) + (dy * dy) <= 1 ? 1 : 0;
            }
        }

        var radius = (int)Math.Max(2, b / 2);
        for (var pass = 0; pass < 3; pass++)
        {
            BoxBlur(field, width, height, radius, horizontal: true);
            BoxBlur(field, width, height, radius, horizontal: false);
        }

        return field;
    }

    private static void BoxBlur(double[] field, int width, int height, int radius, bool horizontal)
    {
        var (lines, length) = horizontal ? (height, width) : (width, height);
        var line = new double[length];
        for (var l = 0; l < lines; l++)
        {
            int Index(int k) => horizontal ? (l * width) + k : (k * width) + l;
            for (var k = 0; k < length; k++)
            {
                line[k] = field[Index(k)];
            }

            var sum = 0.0;
            for (var k = -radius; k <= radius; k++)
            {
                sum += line[Math.Clamp(k, 0, length - 1)];
            }

            for (var k = 0; k < length; k++)
            {
                field[Index(k)] = sum / ((2 * radius) + 1);
                sum += line[Math.Min(length - 1, k + radius + 1)] - line[Math.Max(0, k - radius)];
            }
        }
    }
}
