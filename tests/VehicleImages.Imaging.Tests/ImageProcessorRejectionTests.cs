using System.Text;

namespace VehicleImages.Imaging.Tests;

public sealed class ImageProcessorRejectionTests
{
    private static readonly byte[] Bomb = HostileFiles.PngBomb(20_000, 20_000);

    [Fact]
    public void A_20000_by_20000_png_bomb_is_rejected_from_its_header_before_a_pixel_is_decoded()
    {
        // This thread's allocations only: other tests decoding in parallel allocate on theirs.
        var before = GC.GetAllocatedBytesForCurrentThread();
        var rejected = Assert.Throws<ImageRejectedException>(() => Processors.Default.Decode(Bomb, 1920));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(RejectionReason.TooManyPixels, rejected.Reason);
        Assert.Contains("20000x20000", rejected.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', rejected.Message);
        Assert.True(allocated < 64L * 1024 * 1024, $"allocated {allocated} bytes");

        // The same header over image data that cannot be inflated: a decoder that read one row before checking
        // the size would answer Corrupt, as it does for the small one, so TooManyPixels can only come from the header.
        var small = Assert.Throws<ImageRejectedException>(() => Processors.Default.Decode(HostileFiles.PngWithUndecodableData(20, 20), 1920));
        var large = Assert.Throws<ImageRejectedException>(() => Processors.Default.Decode(HostileFiles.PngWithUndecodableData(20_000, 20_000), 1920));
        Assert.Equal((RejectionReason.Corrupt, RejectionReason.TooManyPixels), (small.Reason, large.Reason));
    }

    [Fact]
    public void A_truncated_jpeg_is_rejected_as_corrupt_when_decoded()
    {
        Corpus.Require();
        var whole = Corpus.Bytes("carvana/0ce66b539f52_01.jpg");
        var truncated = whole[..(whole.Length * 6 / 10)];

        var rejected = Assert.Throws<ImageRejectedException>(() => Processors.Default.Decode(truncated, 1920));

        Assert.Equal(RejectionReason.Corrupt, rejected.Reason);
        Assert.DoesNotContain('\n', rejected.Message);
    }

    [Fact]
    public void A_zero_byte_file_is_rejected_as_empty()
    {
        var rejected = Assert.Throws<ImageRejectedException>(() => Processors.Default.Probe([]));
        Assert.Equal(RejectionReason.Empty, rejected.Reason);
    }

    [Fact]
    public void A_text_file_is_rejected_as_not_an_image()
    {
        var rejected = Assert.Throws<ImageRejectedException>(() => Processors.Default.Probe(Encoding.UTF8.GetBytes("Dealer inventory export\nVIN,price\n")));
        Assert.Equal(RejectionReason.NotAnImage, rejected.Reason);
        Assert.Contains("text file", rejected.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_svg_is_rejected_as_unsupported()
    {
        var rejected = Assert.Throws<ImageRejectedException>(() => Processors.Default.Probe(HostileFiles.ScriptedSvg()));
        Assert.Equal(RejectionReason.UnsupportedFormat, rejected.Reason);
        Assert.Contains("SVG", rejected.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_over_the_byte_limit_is_rejected_before_sniffing()
    {
        var processor = new ImageProcessor(new ImagingOptions { MaxBytes = 1000 });
        var rejected = Assert.Throws<ImageRejectedException>(() => processor.Probe(new byte[1001]));
        Assert.Equal(RejectionReason.TooManyBytes, rejected.Reason);
    }

    [Fact]
    public void Interlaced_images_get_the_lower_pixel_limit()
    {
        using var image = TestImages.Gradient(200, 100);
        var processor = new ImageProcessor(new ImagingOptions { MaxPixels = 1_000_000, MaxInterlacedPixels = 10_000 });

        Assert.Equal(200, processor.Probe(TestImages.Save(image, "jpegsave_buffer")).Width);
        var rejected = Assert.Throws<ImageRejectedException>(() => processor.Probe(TestImages.Save(image, "jpegsave_buffer", interlace: true)));
        Assert.Equal(RejectionReason.TooManyPixels, rejected.Reason);
    }

    [Fact]
    public void A_format_that_is_not_enabled_is_rejected()
    {
        using var image = TestImages.Gradient(20, 10);
        var tiff = image.Save("tiffsave_buffer", _ => { });
        var rejected = Assert.Throws<ImageRejectedException>(() => Processors.Default.Probe(tiff));
        Assert.Equal(RejectionReason.UnsupportedFormat, rejected.Reason);
    }

    [Fact]
    public void A_webp_is_decoded_whole_so_it_gets_the_lower_pixel_limit()
    {
        var processor = new ImageProcessor(new ImagingOptions { MaxPixels = 1_000_000, MaxInterlacedPixels = 10_000 });
        using var image = TestImages.Gradient(200, 100);

        Assert.Equal(200, processor.Probe(TestImages.Save(image, "pngsave_buffer")).Width);
        var rejected = Assert.Throws<ImageRejectedException>(() => processor.Probe(image.Save("webpsave_buffer", _ => { })));
        Assert.Equal(RejectionReason.TooManyPixels, rejected.Reason);
        Assert.Contains("decoded whole", rejected.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_two_kilobyte_webp_of_49_megapixels_is_refused_from_its_header_by_default()
    {
        var bomb = HostileFiles.FlatLosslessWebP(16383, 3000);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var rejected = Assert.Throws<ImageRejectedException>(() => Processors.Default.Decode(bomb, 1920));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(bomb.Length < 8 * 1024, $"{bomb.Length} bytes");
        Assert.Equal(RejectionReason.TooManyPixels, rejected.Reason);
        Assert.True(allocated < 1024 * 1024, $"allocated {allocated} bytes");
    }
}
