using VehicleImages.Imaging.Vips;

namespace VehicleImages.Imaging.Tests;

/// <summary>Images made by the tests themselves, for cases the corpus does not have.</summary>
internal static class TestImages
{
    public static VipsImage Gradient(int width, int height, int bands = 3)
    {
        VipsRuntime.EnsureInitialized();
        var data = new byte[width * height * bands];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var i = ((y * width) + x) * bands;
                data[i] = (byte)(x * 255 / Math.Max(1, width - 1));
                if (bands > 1)
                {
                    data[i + 1] = (byte)(y * 255 / Math.Max(1, height - 1));
                }

                for (var b = 2; b < bands; b++)
                {
                    data[i + b] = b == 3 ? (byte)(x < width / 2 ? 0 : 255) : (byte)128;
                }
            }
        }

        return VipsImage.FromPixels(new PixelBuffer(data, width, height, bands));
    }

    public static byte[] Save(VipsImage image, string saver, bool interlace = false) =>
        image.Save(saver, op => op.Set("interlace", interlace));

    public static VipsImage Solid(int width, int height, byte red, byte green, byte blue)
    {
        VipsRuntime.EnsureInitialized();
        var data = new byte[width * height * 3];
        for (var i = 0; i < data.Length; i += 3)
        {
            (data[i], data[i + 1], data[i + 2]) = (red, green, blue);
        }

        return VipsImage.FromPixels(new PixelBuffer(data, width, height, 3));
    }

    public static VipsImage GaussianBlur(VipsImage image, double sigma)
    {
        using var operation = VipsOperation.Create("gaussblur").Set("in", image).Set("sigma", sigma).Build();
        return operation.OutputImage();
    }

    // A JPEG with an EXIF segment holding only an orientation, inserted after the start marker.
    public static byte[] WithOrientation(byte[] jpeg, byte orientation)
    {
        byte[] exif =
        [
            0x45, 0x78, 0x69, 0x66, 0x00, 0x00, // "Exif\0\0"
            0x49, 0x49, 0x2A, 0x00, 0x08, 0x00, 0x00, 0x00, // little-endian TIFF header, first IFD at 8
            0x01, 0x00, // one entry
            0x12, 0x01, 0x03, 0x00, 0x01, 0x00, 0x00, 0x00, orientation, 0x00, 0x00, 0x00, // Orientation, SHORT, 1
            0x00, 0x00, 0x00, 0x00, // no next IFD
        ];
        var length = exif.Length + 2;
        return [.. jpeg[..2], 0xFF, 0xE1, (byte)(length >> 8), (byte)length, .. exif, .. jpeg[2..]];
    }
}
