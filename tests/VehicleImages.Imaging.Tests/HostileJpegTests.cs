using System.Diagnostics;
using VehicleImages.Imaging.Jpeg;

namespace VehicleImages.Imaging.Tests;

/// <summary>
/// JPEGs that cost far more than their bytes, or that end early behind an end-of-image marker, through both
/// decoders: a plain JPEG goes to libjpeg-turbo directly, a turned one (EXIF orientation 6) to libvips.
/// </summary>
public sealed class HostileJpegTests
{
    // 4800x3250 is 15.6 MP, under the interlaced pixel limit: only the number of scans can turn this file away.
    private const int Width = 4800;
    private const int Height = 3250;

    // Far below what decoding the scans costs (docs/OPERATIONS.md), far above a pass over the bytes: load cannot blur the two.
    private static readonly TimeSpan DecodeBound = TimeSpan.FromSeconds(2);

    private static readonly Lazy<byte[]> TwentyThousandScans = new(() => HostileFiles.JpegWithManyScans(Width, Height, 20_000));

    [Theory]
    [InlineData(1)]
    [InlineData(6)]
    public void A_progressive_jpeg_of_20000_scans_is_refused_before_its_scans_are_decoded(byte orientation)
    {
        var hostile = TestImages.WithOrientation(TwentyThousandScans.Value, orientation);

        // libvips decodes on worker threads of its own: the whole process's CPU time is what a decode costs.
        var before = ProcessorTime();
        var rejected = Assert.Throws<ImageRejectedException>(() => Processors.Default.Decode(hostile, 1920));
        var spent = ProcessorTime() - before;

        Assert.Equal(RejectionReason.TooManyScans, rejected.Reason);
        Assert.Contains("64 scans", rejected.Message, StringComparison.Ordinal);
        Assert.True(spent < DecodeBound, $"the refusal cost {spent.TotalMilliseconds:0} ms of CPU");
        Assert.Equal(RejectionReason.TooManyScans, Assert.Throws<ImageRejectedException>(() => Processors.Default.Probe(hostile)).Reason);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(6)]
    public void The_same_file_with_a_few_scans_decodes_on_either_path(byte orientation)
    {
        // What makes the file above hostile is its number of scans, and nothing else about how it is built.
        var few = TestImages.WithOrientation(HostileFiles.JpegWithManyScans(Width, Height, 10), orientation);

        var decoded = Processors.Default.Decode(few, 320);

        Assert.True(decoded.Header.Interlaced);
        Assert.Equal(320, Math.Max(decoded.Pixels().Width, decoded.Pixels().Height));
    }

    [Fact]
    public void The_scan_limit_is_a_setting()
    {
        var lenient = new ImageProcessor(new ImagingOptions { MaxJpegScans = 100 });
        var strict = new ImageProcessor(new ImagingOptions { MaxJpegScans = 10 });
        var scans = HostileFiles.JpegWithManyScans(64, 48, 20); // 21 scans with the DC one

        Assert.Equal(64, lenient.Probe(scans).Width);
        Assert.Equal(RejectionReason.TooManyScans, Assert.Throws<ImageRejectedException>(() => strict.Probe(scans)).Reason);
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(6, false)]
    [InlineData(1, true)]
    [InlineData(6, true)]
    public void A_jpeg_cut_at_60_percent_behind_an_end_marker_is_refused_as_corrupt(byte orientation, bool progressive)
    {
        using var photo = TestImages.Gradient(640, 480);
        var whole = TestImages.WithOrientation(TestImages.Save(photo, "jpegsave_buffer", interlace: progressive), orientation);
        var cut = HostileFiles.JpegCutShort(whole, 0.6);
        var decoded = Processors.Default.Decode(whole, 1920).Pixels();
        Assert.Equal(640, Math.Max(decoded.Width, decoded.Height));

        var before = ProcessorTime();
        var rejected = Assert.Throws<ImageRejectedException>(() => Processors.Default.Decode(cut, 1920));
        var spent = ProcessorTime() - before;

        Assert.Equal(RejectionReason.Corrupt, rejected.Reason);
        Assert.Contains("JPEG", rejected.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain('\n', rejected.Message);
        Assert.True(spent < DecodeBound, $"the refusal cost {spent.TotalMilliseconds:0} ms of CPU");
    }

    [Fact]
    public void Libjpeg_turbo_names_the_cause_of_a_cut_jpeg_from_its_own_call()
    {
        using var photo = TestImages.Gradient(640, 480);
        var cut = HostileFiles.JpegCutShort(TestImages.Save(photo, "jpegsave_buffer"), 0.6);

        var rejected = Assert.Throws<ImageRejectedException>(() => JpegDecoder.TryDecode(cut, 1, keep: true));

        Assert.Equal(RejectionReason.Corrupt, rejected.Reason);
        Assert.Contains("premature end of data segment", rejected.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void In_parallel_each_broken_file_is_refused_for_its_own_cause()
    {
        using var photo = TestImages.Gradient(640, 480);
        var cutJpeg = HostileFiles.JpegCutShort(TestImages.WithOrientation(TestImages.Save(photo, "jpegsave_buffer"), 6), 0.6);
        var brokenPng = HostileFiles.PngWithUndecodableData(64, 64);

        var messages = new System.Collections.Concurrent.ConcurrentBag<(bool Jpeg, string Message)>();
        Parallel.For(0, 400, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            var jpeg = i % 2 == 0;
            var rejected = Assert.Throws<ImageRejectedException>(() => Processors.Default.Decode(jpeg ? cutJpeg : brokenPng, 320));
            messages.Add((jpeg, rejected.Message));
        });

        Assert.All(messages.Where(m => !m.Jpeg), m => Assert.DoesNotContain("jpeg", m.Message, StringComparison.OrdinalIgnoreCase));
        Assert.All(messages.Where(m => m.Jpeg), m => Assert.DoesNotContain("png", m.Message, StringComparison.OrdinalIgnoreCase));
    }

    private static TimeSpan ProcessorTime()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }
}
