namespace VehicleImages.Imaging.Cutout;

/// <summary>Three bytes a pixel, whatever the input had: the one layout the cut-out code reads.</summary>
internal sealed class RgbImage
{
    private RgbImage(byte[] data, int width, int height)
    {
        Data = data;
        Width = width;
        Height = height;
    }

    public byte[] Data { get; }

    public int Width { get; }

    public int Height { get; }

    public int Count => Width * Height;

    /// <summary>Shares an RGB buffer; copies grey, grey-alpha or RGBA into RGB (alpha is ignored).</summary>
    public static RgbImage From(PixelBuffer pixels)
    {
        if (pixels.Bands == 3)
        {
            return new RgbImage(pixels.Data, pixels.Width, pixels.Height);
        }

        var count = pixels.Width * pixels.Height;
        var data = new byte[count * 3];
        var source = pixels.Data;
        var bands = pixels.Bands;
        for (int i = 0, p = 0; i < count; i++, p += bands)
        {
            var grey = bands < 3;
            data[i * 3] = source[p];
            data[(i * 3) + 1] = grey ? source[p] : source[p + 1];
            data[(i * 3) + 2] = grey ? source[p] : source[p + 2];
        }

        return new RgbImage(data, pixels.Width, pixels.Height);
    }
}
