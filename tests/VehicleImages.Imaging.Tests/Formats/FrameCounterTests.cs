using VehicleImages.Domain.Images;
using VehicleImages.Imaging.Formats;
using VehicleImages.Imaging.Vips;

namespace VehicleImages.Imaging.Tests.Formats;

public sealed class FrameCounterTests
{
    private static readonly ImageProcessor WithGif = new(new ImagingOptions { AllowedFormats = { ImageFormat.Gif } });

    [Fact]
    public void A_webp_of_10000_frames_is_refused_for_its_frames_though_libvips_counts_fewer()
    {
        var webp = HostileFiles.AnimatedWebP(10_000);

        var rejected = Assert.Throws<ImageRejectedException>(() => Processors.Default.Probe(webp));

        Assert.Equal(RejectionReason.TooManyPages, rejected.Reason);
        Assert.Contains("10000 pages or frames", rejected.Message, StringComparison.Ordinal);
        Assert.True(LibvipsPages(webp) < 10_000, "libvips counts every frame now: the walk is no longer the only guard");
    }

    [Fact]
    public void Counting_10000_frames_allocates_nothing_and_reads_only_the_file()
    {
        var webp = HostileFiles.AnimatedWebP(10_000);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var frames = FrameCounter.Count(webp, ImageFormat.WebP);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(10_000, frames);
        Assert.True(allocated < 1024, $"allocated {allocated} bytes");
    }

    [Fact]
    public void An_animated_webp_within_the_limit_is_accepted_with_its_frame_count()
    {
        Assert.Equal(50, Processors.Default.Probe(HostileFiles.AnimatedWebP(50)).Pages);
    }

    [Fact]
    public void A_webp_whose_frame_runs_past_its_end_is_refused_as_corrupt()
    {
        var overlong = HostileFiles.AnimatedWebPWithOverlongFrame();

        Assert.Null(FrameCounter.Count(overlong, ImageFormat.WebP));
        Assert.Equal(RejectionReason.Corrupt, Assert.Throws<ImageRejectedException>(() => Processors.Default.Probe(overlong)).Reason);
    }

    [Fact]
    public void A_still_webp_made_by_libvips_counts_one_frame()
    {
        Assert.Equal(1, FrameCounter.Count(HostileFiles.FlatLosslessWebP(8, 8), ImageFormat.WebP));
    }

    [Fact]
    public void An_animated_png_is_counted_by_its_frame_controls()
    {
        Assert.Equal(3, FrameCounter.Count(HostileFiles.AnimatedPng(3), ImageFormat.Png));
        Assert.Equal(3, Processors.Default.Probe(HostileFiles.AnimatedPng(3)).Pages);

        var rejected = Assert.Throws<ImageRejectedException>(() => Processors.Default.Probe(HostileFiles.AnimatedPng(101)));
        Assert.Equal(RejectionReason.TooManyPages, rejected.Reason);
    }

    [Fact]
    public void An_animated_gif_is_counted_by_its_image_descriptors()
    {
        Assert.Equal(3, WithGif.Probe(HostileFiles.AnimatedGif(3)).Pages);

        var rejected = Assert.Throws<ImageRejectedException>(() => WithGif.Probe(HostileFiles.AnimatedGif(101)));
        Assert.Equal(RejectionReason.TooManyPages, rejected.Reason);
    }

    [Fact]
    public void A_gif_cut_in_its_image_data_cannot_be_counted()
    {
        Assert.Null(FrameCounter.Count(HostileFiles.GifCutInItsImageData(), ImageFormat.Gif));
    }

    private static int LibvipsPages(byte[] webp)
    {
        using var blob = VipsBlob.Copy(webp);
        using var header = VipsImage.LoadHeader(blob, "webpload_buffer");
        return header.Pages;
    }
}
