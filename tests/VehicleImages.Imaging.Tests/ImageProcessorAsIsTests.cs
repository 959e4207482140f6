using VehicleImages.Domain.Images;
using VehicleImages.Domain.Renditions;
using VehicleImages.Imaging.Formats;

namespace VehicleImages.Imaging.Tests;

public sealed class ImageProcessorAsIsTests
{
    private static readonly RenditionSpec OriginalJpeg = new(RenditionSize.Original, Background.Opaque, ImageFormat.Jpeg);

    [Fact]
    public void The_original_size_jpeg_of_a_plain_jpeg_is_its_own_data_without_metadata()
    {
        Corpus.Require();
        var original = Corpus.Bytes("stanford/00001.jpg"); // a web photo at quality 75
        var header = Processors.Default.Probe(original);

        var rendered = Processors.Default.Render(original, OriginalJpeg);

        Assert.True(header.ServableAsIs);
        Assert.Equal(JpegMetadata.Strip(original), rendered.Bytes);
        Assert.Equal((header.Width, header.Height), (rendered.Width, rendered.Height));
    }

    [Fact]
    public void Ingest_and_the_media_endpoint_make_the_same_bytes()
    {
        Corpus.Require();
        var original = Corpus.Bytes("stanford/00001.jpg");
        var decoded = Processors.Default.Decode(original, 1920);

        Assert.Equal(Processors.Default.Render(original, OriginalJpeg).Bytes, Processors.Default.AsIs(original, decoded.Header, OriginalJpeg)!.Bytes);
    }

    [Fact]
    public void A_jpeg_compressed_more_lightly_than_our_encode_is_re_encoded()
    {
        Corpus.Require();
        var original = Corpus.Bytes("bad_unrelated/14474347006_99aa0fd981_k.jpg"); // quality 83, against our 82

        Assert.True(Processors.Default.Probe(original).ServableAsIs);
        Assert.NotEqual(JpegMetadata.Strip(original), Processors.Default.Render(original, OriginalJpeg).Bytes);
    }

    [Fact]
    public void A_jpeg_with_a_colour_profile_is_re_encoded_in_srgb()
    {
        Corpus.Require();
        var original = Corpus.Bytes("lire_ferrari/black_2828686873_2fa36f83d7_b.jpg"); // carries an ICC profile

        Assert.False(Processors.Default.Probe(original).ServableAsIs);
        Assert.NotEqual(JpegMetadata.Strip(original), Processors.Default.Render(original, OriginalJpeg).Bytes);
    }

    [Fact]
    public void A_jpeg_that_must_be_turned_upright_is_re_encoded_turned()
    {
        using var landscape = TestImages.Gradient(80, 40);
        var rotated = TestImages.WithOrientation(TestImages.Save(landscape, "jpegsave_buffer"), 6); // "turn 90° clockwise to view"

        var header = Processors.Default.Probe(rotated);
        var rendered = Processors.Default.Render(rotated, OriginalJpeg);

        Assert.False(header.ServableAsIs);
        Assert.Equal((40, 80), (rendered.Width, rendered.Height));
        Assert.Equal((40, 80), (Processors.Default.Probe(rendered.Bytes).Width, Processors.Default.Probe(rendered.Bytes).Height));
    }

    [Theory]
    [InlineData(RenditionSize.Small, Background.Opaque, ImageFormat.Jpeg)]
    [InlineData(RenditionSize.Original, Background.Opaque, ImageFormat.WebP)]
    [InlineData(RenditionSize.Original, Background.Cutout, ImageFormat.Png)]
    public void Other_sizes_and_formats_are_rendered(RenditionSize size, Background background, ImageFormat format)
    {
        Corpus.Require();
        var original = Corpus.Bytes("stanford/00001.jpg");

        Assert.Null(Processors.Default.AsIs(original, Processors.Default.Probe(original), new RenditionSpec(size, background, format)));
    }
}
