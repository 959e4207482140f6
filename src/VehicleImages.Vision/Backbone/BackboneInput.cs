using VehicleImages.Imaging;

namespace VehicleImages.Vision.Backbone;

/// <summary>Turns any decoded pixels into what the backbone reads: RGB, the whole frame squeezed to a square.</summary>
public static class BackboneInput
{
    /// <summary>
    /// The whole frame, squeezed rather than cropped: a crop can cut off the end of the car that tells front from
    /// rear. Transparency is flattened onto white, as cut-outs are shown.
    /// </summary>
    public static PixelBuffer Square(PixelBuffer pixels)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        return ToRgb(pixels).ResizedTo(ResNetBackbone.InputSize, ResNetBackbone.InputSize);
    }

    /// <summary>The same pixels mirrored left to right.</summary>
    public static PixelBuffer Mirrored(PixelBuffer rgb)
    {
        ArgumentNullException.ThrowIfNull(rgb);
        var data = new byte[rgb.Data.Length];
        var stride = rgb.Width * rgb.Bands;
        for (var y = 0; y < rgb.Height; y++)
        {
            for (var x = 0; x < rgb.Width; x++)
            {
                Array.Copy(rgb.Data, (y * stride) + (x * rgb.Bands), data, (y * stride) + ((rgb.Width - 1 - x) * rgb.Bands), rgb.Bands);
            }
        }

        return new PixelBuffer(data, rgb.Width, rgb.Height, rgb.Bands);
    }

    /// <summary>Three bands: grey is repeated, alpha flattened onto white.</summary>
    public static PixelBuffer ToRgb(PixelBuffer pixels)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        if (pixels.Bands == 3)
        {
            return pixels;
        }

        var count = pixels.Width * pixels.Height;
        var rgb = new byte[count * 3];
        var source = pixels.Data;
        var bands = pixels.Bands;
        var colourBands = pixels.HasAlpha ? bands - 1 : bands;
        for (var i = 0; i < count; i++)
        {
            var alpha = pixels.HasAlpha ? source[(i * bands) + bands - 1] : 255;
            for (var band = 0; band < 3; band++)
            {
                var value = source[(i * bands) + (colourBands == 1 ? 0 : band)];
                rgb[(i * 3) + band] = (byte)(((value * alpha) + (255 * (255 - alpha)) + 127) / 255);
            }
        }

        return new PixelBuffer(rgb, pixels.Width, pixels.Height, 3);
    }
}
