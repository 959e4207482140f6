using VehicleImages.Imaging.Resampling;
using VehicleImages.Imaging.Vips;

namespace VehicleImages.Imaging.Tests.Resampling;

public sealed class ResamplerTests
{
    [Theory]
    [InlineData(1, 37, 23, 10, 7)]
    [InlineData(2, 64, 64, 9, 31)]
    [InlineData(3, 1918, 1280, 1280, 854)]
    [InlineData(3, 5, 3, 1, 1)]
    [InlineData(4, 301, 17, 100, 6)]
    public void A_flat_colour_stays_exactly_that_colour_at_the_asked_size(int bands, int width, int height, int toWidth, int toHeight)
    {
        byte[] colour = [200, 17, 90, 255];
        var data = new byte[width * height * bands];
        for (var i = 0; i < data.Length; i++)
        {
            data[i] = colour[i % bands];
        }

        var resized = Resampler.Resize(new PixelBuffer(data, width, height, bands), toWidth, toHeight);

        Assert.Equal((toWidth, toHeight, bands), (resized.Width, resized.Height, resized.Bands));
        Assert.All(Enumerable.Range(0, resized.Data.Length), i => Assert.Equal(colour[i % bands], resized.Data[i]));
    }

    [Fact]
    public void Pixels_already_at_the_asked_size_are_returned_as_they_are()
    {
        var pixels = new PixelBuffer(new byte[4 * 3 * 3], 4, 3, 3);

        Assert.Same(pixels, Resampler.Resize(pixels, 4, 3));
    }

    // Three and four bands are filtered four pixels at a time; one and two bands, and the last few pixels of a row,
    // one at a time. Each band of a colour picture must come out as that band would on its own.
    [Theory]
    [InlineData(1, 1)]
    [InlineData(7, 3)]
    [InlineData(17, 5)]
    [InlineData(40, 13)]
    [InlineData(333, 100)]
    public void Each_colour_band_comes_out_as_that_band_resized_on_its_own(int width, int toWidth)
    {
        const int Height = 9;
        var rgb = RandomBytes(width * Height * 3, seed: width);

        var together = Resampler.Resize(new PixelBuffer(rgb, width, Height, 3), toWidth, 4);

        for (var band = 0; band < 3; band++)
        {
            var alone = Resampler.Resize(new PixelBuffer(Bands(rgb, 3, band), width, Height, 1), toWidth, 4);
            Assert.Equal(alone.Data, Bands(together.Data, 3, band));
        }
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(17, 5)]
    [InlineData(333, 100)]
    public void Each_colour_band_with_alpha_comes_out_as_that_band_and_alpha_resized_on_their_own(int width, int toWidth)
    {
        const int Height = 9;
        var rgba = RandomBytes(width * Height * 4, seed: width);

        var together = Resampler.Resize(new PixelBuffer(rgba, width, Height, 4), toWidth, 4);

        for (var band = 0; band < 3; band++)
        {
            var alone = Resampler.Resize(new PixelBuffer(Bands(rgba, 4, band, 3), width, Height, 2), toWidth, 4);
            var expected = Bands(alone.Data, 2, 0);
            var actual = Bands(together.Data, 4, band);
            // Colour is divided by alpha as 255/alpha once (four at a time) or as ×255/alpha (one at a time).
            Assert.All(Enumerable.Range(0, expected.Length), i => Assert.InRange(actual[i] - expected[i], -1, 1));
            Assert.Equal(Bands(alone.Data, 2, 1), Bands(together.Data, 4, 3));
        }
    }

    [Fact]
    public void Transparent_pixels_lend_no_colour_to_visible_ones()
    {
        // Left half invisible red, right half opaque green: a filter without premultiplied alpha bleeds red into the edge.
        const int Width = 90;
        const int Height = 12;
        var data = new byte[Width * Height * 4];
        for (var p = 0; p < Width * Height; p++)
        {
            var visible = p % Width >= Width / 2;
            (data[p * 4], data[(p * 4) + 1], data[(p * 4) + 2], data[(p * 4) + 3]) = visible ? ((byte)0, (byte)255, (byte)0, (byte)255) : ((byte)255, (byte)0, (byte)0, (byte)0);
        }

        var resized = Resampler.Resize(new PixelBuffer(data, Width, Height, 4), 29, 4);

        var partlyVisible = 0;
        for (var p = 0; p < resized.Width * resized.Height; p++)
        {
            var (red, green, alpha) = (resized.Data[p * 4], resized.Data[(p * 4) + 1], resized.Data[(p * 4) + 3]);
            if (alpha > 0)
            {
                Assert.Equal(0, red);
                Assert.Equal(255, green);
                partlyVisible += alpha < 255 ? 1 : 0;
            }
        }

        Assert.True(partlyVisible > 0, "the edge should be partly transparent after shrinking");
    }

    [Theory]
    [InlineData(200, 100)]
    [InlineData(301, 100)]
    [InlineData(1000, 150)]
    public void Stripes_finer_than_the_output_average_to_grey_instead_of_aliasing(int width, int toWidth)
    {
        var data = new byte[width * 3 * 3];
        for (var i = 0; i < data.Length; i++)
        {
            data[i] = (i / 3) % 2 == 0 ? (byte)0 : (byte)255;
        }

        var resized = Resampler.Resize(new PixelBuffer(data, width, 3, 3), toWidth, 3);

        // The outer few columns read the repeated edge pixel, one stripe colour, as libvips' do (101-154 there, alike).
        for (var x = 3; x < toWidth - 3; x++)
        {
            Assert.InRange(resized[x, 1, 0], 124, 131);
        }
    }

    [Fact]
    public void A_photo_comes_out_as_libvips_own_lanczos3_makes_it()
    {
        Corpus.Require();
        var full = Processors.Default.Decode(Corpus.Bytes("carvana/0ce66b539f52_01.jpg"), int.MaxValue).Pixels();

        var ours = Resampler.Resize(full, 1280, 854);
        using var image = VipsImage.FromPixels(full);
        using var operation = VipsOperation.Create("resize").Set("in", image).Set("scale", 1280d / 1918).Set("vscale", 854d / 1280).Build();
        using var resized = operation.OutputImage();
        var theirs = resized.ToPixels();

        // The two differ only in rounding and at the very edges (libvips rounds its own size the same way).
        Assert.Equal((ours.Width, ours.Height), (theirs.Width, theirs.Height));
        Assert.True(Psnr(ours, theirs) > 40, $"PSNR {Psnr(ours, theirs):0.0} dB against libvips' resize");
    }

    private static byte[] RandomBytes(int count, int seed)
    {
        var bytes = new byte[count];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    // The named bands of interleaved pixels, interleaved again.
    private static byte[] Bands(byte[] data, int bands, params int[] wanted)
    {
        var pixels = data.Length / bands;
        var picked = new byte[pixels * wanted.Length];
        for (var p = 0; p < pixels; p++)
        {
            for (var w = 0; w < wanted.Length; w++)
            {
                picked[(p * wanted.Length) + w] = data[(p * bands) + wanted[w]];
            }
        }

        return picked;
    }

    private static double Psnr(PixelBuffer a, PixelBuffer b)
    {
        var squares = 0d;
        for (var i = 0; i < a.Data.Length; i++)
        {
            var difference = a.Data[i] - b.Data[i];
            squares += difference * difference;
        }

        var mean = squares / a.Data.Length;
        return mean == 0 ? double.PositiveInfinity : 10 * Math.Log10(255d * 255 / mean);
    }
}
