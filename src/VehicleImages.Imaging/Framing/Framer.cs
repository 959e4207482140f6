using VehicleImages.Domain.Renditions;
using VehicleImages.Imaging.Cutout;
using VehicleImages.Imaging.Resampling;

namespace VehicleImages.Imaging.Framing;

/// <summary>
/// Frames a car: trims the background around it and pads it into a frame of uniform aspect and margin (see
/// <see cref="FrameGeometry"/>), on transparency. The car is what the alpha says, or for a photo without alpha what
/// a clean cut-out says; a photo whose background cannot be removed cleanly is framed whole.
/// </summary>
internal static class Framer
{
    // Alpha at or below this is background when measuring the car's extent: a cut-out's soft edge and a faint
    // shadow do not widen the frame.
    private const byte FaintAlpha = 16;

    /// <summary>The subject of a frame: RGBA pixels whose alpha marks the car.</summary>
    public static PixelBuffer Subject(PixelBuffer pixels)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        if (pixels.HasAlpha)
        {
            return Rgba(pixels);
        }

        var cutout = BackgroundRemover.Remove(pixels);
        return cutout.IsClean ? cutout.Rgba : Rgba(pixels);
    }

    /// <summary>The subject trimmed to the car and placed in a frame of the given size; RGBA, transparent around.</summary>
    public static PixelBuffer Frame(PixelBuffer subject, int frameWidth, int frameHeight)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var (left, top, right, bottom) = Extent(subject);
        var (x, y, width, height) = FrameGeometry.Place(frameWidth, frameHeight, right - left + 1, bottom - top + 1);
        var car = Scaled(Crop(subject, left, top, right, bottom), width, height);

        var frame = new byte[frameWidth * frameHeight * 4];
        for (var row = 0; row < height; row++)
        {
            Buffer.BlockCopy(car.Data, row * width * 4, frame, (((y + row) * frameWidth) + x) * 4, width * 4);
        }

        return new PixelBuffer(frame, frameWidth, frameHeight, 4);
    }

    // The bounding box of the pixels more than faintly opaque; the whole image when there are none.
    private static (int Left, int Top, int Right, int Bottom) Extent(PixelBuffer rgba)
    {
        var (left, top, right, bottom) = (rgba.Width, rgba.Height, -1, -1);
        for (var y = 0; y < rgba.Height; y++)
        {
            for (var x = 0; x < rgba.Width; x++)
            {
                if (rgba.Data[(((y * rgba.Width) + x) * 4) + 3] > FaintAlpha)
                {
                    (left, top, right, bottom) = (Math.Min(left, x), Math.Min(top, y), Math.Max(right, x), Math.Max(bottom, y));
                }
            }
        }

        return right < 0 ? (0, 0, rgba.Width - 1, rgba.Height - 1) : (left, top, right, bottom);
    }

    private static PixelBuffer Crop(PixelBuffer rgba, int left, int top, int right, int bottom)
    {
        var (width, height) = (right - left + 1, bottom - top + 1);
        var data = new byte[width * height * 4];
        for (var row = 0; row < height; row++)
        {
            Buffer.BlockCopy(rgba.Data, ((((top + row) * rgba.Width) + left) * 4), data, row * width * 4, width * 4);
        }

        return new PixelBuffer(data, width, height, 4);
    }

    // The resampler premultiplies colour by alpha, so the invisible pixels around a cut-out leave no dark fringe.
    private static PixelBuffer Scaled(PixelBuffer rgba, int width, int height) => Resampler.Resize(rgba, width, height);

    private static PixelBuffer Rgba(PixelBuffer pixels)
    {
        var count = pixels.Width * pixels.Height;
        var data = new byte[count * 4];
        var bands = pixels.Bands;
        for (int i = 0, p = 0; i < count; i++, p += bands)
        {
            var grey = bands < 3;
            data[i * 4] = pixels.Data[p];
            data[(i * 4) + 1] = pixels.Data[grey ? p : p + 1];
            data[(i * 4) + 2] = pixels.Data[grey ? p : p + 2];
            data[(i * 4) + 3] = pixels.HasAlpha ? pixels.Data[p + bands - 1] : (byte)255;
        }

        return new PixelBuffer(data, pixels.Width, pixels.Height, 4);
    }
}
