using VehicleImages.Domain.Images;
using VehicleImages.Domain.Renditions;

namespace VehicleImages.Imaging.Tests.Framing;

public sealed class FramedRenderTests
{
    private static readonly RenditionSpec FramedOpaque = new(RenditionSize.Small, Background.Opaque, ImageFormat.Png, Framed: true);

    [Fact]
    public void Two_photos_of_a_car_at_different_places_and_distances_frame_alike()
    {
        // The same car near and far, left and right, in photos of different shapes.
        var near = Photo(1.0, shiftX: -40, 480, 320);
        var far = Photo(0.5, shiftX: 90, 640, 400);

        var a = Decode(Processors.Default.Render(near, FramedOpaque));
        var b = Decode(Processors.Default.Render(far, FramedOpaque));

        Assert.Equal((320, 240), (a.Width, a.Height));
        Assert.Equal((320, 240), (b.Width, b.Height));
        var (boxA, boxB) = (CarBox(a), CarBox(b));
        Assert.Equal(boxA.Left, boxB.Left, tolerance: 2);
        Assert.Equal(boxA.Right, boxB.Right, tolerance: 2);
        Assert.Equal(boxA.Bottom, boxB.Bottom, tolerance: 2);
        Assert.Equal(240 - (int)Math.Round(FrameGeometry.Margin * 240), boxA.Bottom + 1, tolerance: 2);
    }

    [Fact]
    public void A_transparent_framed_rendition_of_a_cutout_is_transparent_around_the_car()
    {
        var photo = Photo(1.0, shiftX: 0, 480, 320);
        var spec = FramedOpaque with { Background = Background.Cutout };

        var (image, verdict) = Processors.Default.RenderCutout(photo, spec);

        Assert.NotNull(image);
        var pixels = Decode(image.Bytes);
        Assert.True(pixels.HasAlpha, verdict);
        Assert.Equal(0, pixels[0, 0, 3]);
        Assert.Equal(255, pixels[160, 150, 3]);
    }

    // The drawn car scaled and shifted on a white photo of the given size, as PNG.
    private static byte[] Photo(double scale, int shiftX, int width, int height)
    {
        var (scene, mask) = DrawnCar.On((_, _) => 255);
        var data = Enumerable.Repeat((byte)255, width * height * 3).ToArray();
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var (sx, sy) = ((int)((x - (width / 2) - shiftX) / scale) + (DrawnCar.Width / 2), (int)((y - (height / 2)) / scale) + (DrawnCar.Height / 2));
                if (sx >= 0 && sy >= 0 && sx < DrawnCar.Width && sy < DrawnCar.Height && mask[sx, sy, 0] == 255)
                {
                    for (var c = 0; c < 3; c++)
                    {
                        data[(((y * width) + x) * 3) + c] = scene[sx, sy, c];
                    }
                }
            }
        }

        return Processors.Default.Encode(new PixelBuffer(data, width, height, 3), ImageFormat.Png).Bytes;
    }

    private static PixelBuffer Decode(EncodedImage image) => Decode(image.Bytes);

    private static PixelBuffer Decode(byte[] bytes)
    {
        var decoded = Processors.Default.Decode(bytes, int.MaxValue);
        return decoded.Pixels();
    }

    // The extent of the pixels clearly darker than the white around the car.
    private static (int Left, int Top, int Right, int Bottom) CarBox(PixelBuffer pixels)
    {
        var (left, top, right, bottom) = (pixels.Width, pixels.Height, -1, -1);
        for (var y = 0; y < pixels.Height; y++)
        {
            for (var x = 0; x < pixels.Width; x++)
            {
                if (pixels[x, y, 0] < 200)
                {
                    (left, top, right, bottom) = (Math.Min(left, x), Math.Min(top, y), Math.Max(right, x), Math.Max(bottom, y));
                }
            }
        }

        return (left, top, right, bottom);
    }
}
