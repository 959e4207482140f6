using VehicleImages.Domain.Images;
using VehicleImages.Imaging;

namespace VehicleImages.Api.Tests;

/// <summary>Distinct pictures made by the tests: seeded noise blocks, so no two are near-duplicates of each other.</summary>
internal static class TestPictures
{
    public static byte[] Make(ImageProcessor imaging, int seed, int width = 900, int height = 600, bool alpha = false)
    {
        var random = new Random(seed);
        var bands = alpha ? 4 : 3;
        var data = new byte[width * height * bands];
        const int Block = 30;
        for (var by = 0; by < height; by += Block)
        {
            for (var bx = 0; bx < width; bx += Block)
            {
                var (r, g, b) = ((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256));
                for (var y = by; y < Math.Min(height, by + Block); y++)
                {
                    for (var x = bx; x < Math.Min(width, bx + Block); x++)
                    {
                        var i = ((y * width) + x) * bands;
                        (data[i], data[i + 1], data[i + 2]) = (r, g, b);
                        if (alpha)
                        {
                            // A cut-out: an opaque ellipse on a transparent frame.
                            var (dx, dy) = ((x - (width / 2.0)) / (width / 2.5), (y - (height / 2.0)) / (height / 2.5));
                            data[i + 3] = (byte)((dx * dx) + (dy * dy) <= 1 ? 255 : 0);
                        }
                    }
                }
            }
        }

        return imaging.Encode(new PixelBuffer(data, width, height, bands), alpha ? ImageFormat.Png : ImageFormat.Jpeg).Bytes;
    }
}
