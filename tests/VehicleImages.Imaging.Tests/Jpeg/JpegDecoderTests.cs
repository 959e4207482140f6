using VehicleImages.Imaging.Jpeg;
using VehicleImages.Imaging.Resampling;
using VehicleImages.Imaging.Vips;

namespace VehicleImages.Imaging.Tests.Jpeg;

/// <summary>
/// Plain JPEGs are decoded by libjpeg-turbo directly, everything else by libvips. The two must agree: the same
/// pixels as libvips' loader at every shrink-on-load factor, and the same files accepted and refused.
/// </summary>
public sealed class JpegDecoderTests
{
    [Theory]
    [InlineData("carvana/0ce66b539f52_01.jpg", 1)]
    [InlineData("carvana/0ce66b539f52_01.jpg", 2)]
    [InlineData("carvana/0ce66b539f52_01.jpg", 4)]
    [InlineData("carvana/0ce66b539f52_01.jpg", 8)]
    [InlineData("stanford/00001.jpg", 1)]
    [InlineData("stanford/00001.jpg", 2)]
    [InlineData("stanford/00001.jpg", 8)]
    public void A_plain_jpeg_decodes_to_the_pixels_libvips_loader_gives(string file, int shrink)
    {
        Corpus.Require();
        var bytes = Corpus.Bytes(file);

        using var decoded = JpegDecoder.TryDecode(bytes, shrink, keep: false);

        Assert.NotNull(decoded);
        var expected = LibvipsLoad(bytes, shrink);
        Assert.Equal((expected.Width, expected.Height, expected.Bands), (decoded.Width, decoded.Height, decoded.Bands));
        Assert.Equal(expected.Data, decoded.ToPixels().Data);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Pixels_kept_or_borrowed_come_out_whole_pixels_only(bool keep)
    {
        Corpus.Require();
        var bytes = Corpus.Bytes("stanford/00001.jpg"); // 530x259: a half-size decode has a partial last row

        using var decoded = JpegDecoder.TryDecode(bytes, 2, keep);

        Assert.NotNull(decoded);
        var pixels = decoded.ToPixels();
        Assert.Equal((265, 129), (pixels.Width, pixels.Height));
        Assert.Equal(LibvipsLoad(bytes, 2).Data, pixels.Data);
    }

    [Fact]
    public void A_decode_too_large_to_pool_also_comes_out_whole_pixels_only()
    {
        // 4801 px square at half size is 2400.5 px: over the pooled size, with a partial last row and column.
        var bytes = JpegEncoder.Encode(new PixelBuffer(new byte[4801 * 4801 * 3], 4801, 4801, 3), 82);

        using var decoded = JpegDecoder.TryDecode(bytes, 2, keep: false);

        Assert.NotNull(decoded);
        var pixels = decoded.ToPixels();
        Assert.Equal((2400, 2400), (pixels.Width, pixels.Height));
        Assert.Equal(LibvipsLoad(bytes, 2).Data, pixels.Data);
    }

    [Fact]
    public void A_grey_jpeg_decodes_to_one_band()
    {
        using var image = TestImages.Gradient(33, 17, bands: 1);
        var bytes = JpegEncoder.Encode(image.ToPixels(), 82);

        using var decoded = JpegDecoder.TryDecode(bytes, 1, keep: true);

        Assert.NotNull(decoded);
        Assert.Equal(LibvipsLoad(bytes, 1).Data, decoded.ToPixels().Data);
    }

    [Fact]
    public void A_truncated_jpeg_is_refused_as_corrupt()
    {
        Corpus.Require();
        var bytes = Corpus.Bytes("stanford/00001.jpg");

        var rejected = Assert.Throws<ImageRejectedException>(() => JpegDecoder.TryDecode(bytes.AsSpan(0, bytes.Length / 2), 1, keep: true));

        Assert.Equal(RejectionReason.Corrupt, rejected.Reason);
    }

    [Fact]
    public void Processor_decodes_of_a_plain_jpeg_match_libvips_loading_then_our_resampler()
    {
        Corpus.Require();
        var bytes = Corpus.Bytes("carvana/0ce66b539f52_01.jpg");
        foreach (var (edge, shrink) in new[] { (1920, 1), (1280, 1), (640, 2), (150, 8), (333, 4) })
        {
            var decoded = Processors.Default.Decode(bytes, edge).Pixels();

            var loaded = LibvipsLoad(bytes, shrink);
            var expected = Resampler.Resize(loaded, decoded.Width, decoded.Height);
            Assert.Equal(expected.Data, decoded.Data);
        }
    }

    private static PixelBuffer LibvipsLoad(byte[] bytes, int shrink)
    {
        VipsRuntime.EnsureInitialized();
        using var blob = VipsBlob.Copy(bytes);
        using var image = VipsImage.Load(blob, "jpegload_buffer", shrink);
        return image.ToPixels();
    }
}
