using VehicleImages.Imaging.Formats;

namespace VehicleImages.Imaging.Tests.Formats;

public sealed class JpegScansTests
{
    [Fact]
    public void A_baseline_jpeg_has_one_scan_and_libjpegs_progressive_script_ten()
    {
        using var image = TestImages.Gradient(64, 48);

        Assert.Equal(1, JpegScans.Count(TestImages.Save(image, "jpegsave_buffer"), 100));
        Assert.Equal(10, JpegScans.Count(TestImages.Save(image, "jpegsave_buffer", interlace: true), 100));
    }

    [Fact]
    public void Counting_stops_just_past_the_limit()
    {
        var many = HostileFiles.JpegWithManyScans(64, 48, 1000);

        Assert.Equal(1001, JpegScans.Count(many, 5000));
        Assert.Equal(65, JpegScans.Count(many, 64));
    }

    [Fact]
    public void Scan_markers_inside_a_segment_or_after_the_end_are_not_scans_a_decoder_reads()
    {
        using var image = TestImages.Gradient(64, 48);
        var baseline = TestImages.Save(image, "jpegsave_buffer");
        byte[] startOfScan = [0xFF, 0xDA, 0x00, 0x08, 1, 1, 0x00, 0, 63, 0];
        byte[] comment = [0xFF, 0xFE, 0x00, (byte)(2 + startOfScan.Length), .. startOfScan];

        byte[] hidden = [.. baseline[..2], .. comment, .. baseline[2..], .. startOfScan];

        Assert.Equal(1, JpegScans.Count(hidden, 100));
    }
}
