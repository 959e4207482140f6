using VehicleImages.Imaging.Jpeg;
using VehicleImages.Imaging.Vips;
using VehicleImages.Testing;
using Xunit;

namespace VehicleImages.Imaging.Tests.Jpeg;

/// <summary>
/// The JPEG encoder drives libjpeg-turbo directly; its files must be exactly what libvips' jpegsave writes with the
/// same settings, so a rendition is the same bytes however it was made (and the catalog's byte sizes stay true).
/// </summary>
public sealed class JpegEncoderTests
{
    public static TheoryData<string, int, int> Photos => new()
    {
        { "carvana/0ce66b539f52_01.jpg", 1918, 82 },
        { "carvana/0ce66b539f52_01.jpg", 641, 82 },
        { "carvana/0ce66b539f52_01.jpg", 150, 82 },
        { "carvana/0ce66b539f52_01.jpg", 1, 82 },
        { "carvana/0ce66b539f52_01.jpg", 1280, 95 },
        { "carvana/0ce66b539f52_01.jpg", 333, 40 },
    };

    [Theory]
    [MemberData(nameof(Photos))]
    public void Colour_photos_encode_to_libvips_own_bytes(string file, int edge, int quality)
    {
        Corpus.Require();
        var pixels = Processors.Default.Decode(Corpus.Bytes(file), edge).Pixels();

        Assert.Equal(LibvipsJpeg(pixels, quality), JpegEncoder.Encode(pixels, quality));
    }

    [Theory]
    [InlineData(640, 427)]
    [InlineData(17, 9)]
    [InlineData(1, 1)]
    public void Grey_pixels_encode_to_libvips_own_bytes(int width, int height)
    {
        using var image = TestImages.Gradient(width, height, bands: 1);
        var pixels = image.ToPixels();

        Assert.Equal(LibvipsJpeg(pixels, 82), JpegEncoder.Encode(pixels, 82));
    }

    [Fact]
    public void The_file_reads_back_as_the_same_picture()
    {
        using var image = TestImages.Gradient(300, 200);
        var pixels = image.ToPixels();

        var decoded = Processors.Default.Decode(JpegEncoder.Encode(pixels, 82), int.MaxValue).Pixels();

        Assert.Equal((300, 200, 3), (decoded.Width, decoded.Height, decoded.Bands));
        var worst = pixels.Data.Zip(decoded.Data, (a, b) => Math.Abs(a - b)).Max();
        Assert.InRange(worst, 0, 12);
    }

    [Fact]
    public void Alpha_must_be_flattened_before_encoding()
    {
        using var image = TestImages.Gradient(8, 8, bands: 4);

        Assert.Throws<ArgumentException>(() => JpegEncoder.Encode(image.ToPixels(), 82));
    }

    [Fact]
    public void The_processor_flattens_alpha_onto_white_for_a_jpeg()
    {
        var transparent = new PixelBuffer(new byte[16 * 16 * 4], 16, 16, 4);

        var encoded = Processors.Default.Encode(transparent, Domain.Images.ImageFormat.Jpeg);

        var decoded = Processors.Default.Decode(encoded.Bytes, int.MaxValue).Pixels();
        Assert.All(decoded.Data, value => Assert.InRange(value, 250, 255));
    }

    private static byte[] LibvipsJpeg(PixelBuffer pixels, int quality)
    {
        using var image = VipsImage.FromPixels(pixels);
        return image.Save("jpegsave_buffer", op => op.Set("Q", quality).Set("strip", true).Set("optimize-coding", true));
    }
}
