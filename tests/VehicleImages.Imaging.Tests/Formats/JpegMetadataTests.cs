using System.Text;
using VehicleImages.Imaging.Formats;

namespace VehicleImages.Imaging.Tests.Formats;

public sealed class JpegMetadataTests
{
    [Fact]
    public void A_photo_keeps_its_pixels_and_loses_its_exif_and_xmp()
    {
        Corpus.Require();
        var original = Corpus.Bytes("bad_unrelated/14474347006_99aa0fd981_k.jpg"); // a Flickr photo with EXIF and XMP

        var stripped = JpegMetadata.Strip(original)!;

        Assert.True(stripped.Length < original.Length);
        Assert.DoesNotContain(Markers(stripped), m => m is 0xE1 or 0xFE);
        Assert.Contains(Markers(original), m => m == 0xE1);
        Assert.Equal(Pixels(original), Pixels(stripped));
    }

    [Fact]
    public void A_progressive_jpeg_keeps_every_scan()
    {
        using var gradient = TestImages.Gradient(97, 61);
        var progressive = TestImages.Save(gradient, "jpegsave_buffer", interlace: true);

        var stripped = JpegMetadata.Strip(progressive)!;

        Assert.True(Markers(stripped).Count(m => m == 0xDA) > 1, "several scans");
        Assert.Equal(Pixels(progressive), Pixels(stripped));
    }

    [Fact]
    public void Restart_markers_inside_the_compressed_data_are_kept()
    {
        using var gradient = TestImages.Gradient(200, 120);
        var withRestarts = gradient.Save("jpegsave_buffer", op => op.Set("restart-interval", 2));

        var stripped = JpegMetadata.Strip(withRestarts)!;

        Assert.Contains((byte)0xD0, RestartMarkers(stripped));
        Assert.Equal(Pixels(withRestarts), Pixels(stripped));
    }

    [Fact]
    public void Anything_after_the_end_marker_is_dropped()
    {
        using var gradient = TestImages.Gradient(40, 30);
        var jpeg = TestImages.Save(gradient, "jpegsave_buffer");
        var polyglot = jpeg.Concat(Encoding.ASCII.GetBytes("PK\u0003\u0004 a zip archive riding along")).ToArray();

        var stripped = JpegMetadata.Strip(polyglot)!;

        Assert.Equal([0xFF, 0xD9], stripped[^2..]);
        Assert.DoesNotContain("PK", Encoding.ASCII.GetString(stripped), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(30)]
    [InlineData(50)]
    [InlineData(75)]
    [InlineData(82)]
    [InlineData(95)]
    public void The_quality_a_file_was_saved_at_is_read_back_from_its_tables(int quality)
    {
        using var gradient = TestImages.Gradient(64, 48);
        var jpeg = gradient.Save("jpegsave_buffer", op => op.Set("Q", quality));

        Assert.InRange(JpegMetadata.EstimatedQuality(jpeg)!.Value, quality - 1, quality + 1);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100)]
    [InlineData(-2)]
    public void A_file_that_is_not_a_whole_jpeg_gives_nothing_to_serve(int cut)
    {
        using var gradient = TestImages.Gradient(40, 30);
        var jpeg = TestImages.Save(gradient, "jpegsave_buffer");
        var broken = cut switch
        {
            0 => Encoding.ASCII.GetBytes("not a jpeg at all"),
            > 0 => jpeg[..cut], // cut inside the headers
            _ => jpeg[..^-cut], // no end marker
        };

        Assert.Null(JpegMetadata.Strip(broken));
    }

    private static byte[] Pixels(byte[] jpeg)
    {
        var decoded = Processors.Default.Decode(jpeg, int.MaxValue);
        return decoded.Pixels().Data;
    }

    // The markers of the segments, in order, up to the first scan's data and between later scans.
    private static List<byte> Markers(byte[] jpeg)
    {
        var markers = new List<byte>();
        for (var i = 2; i + 3 < jpeg.Length;)
        {
            var marker = jpeg[i + 1];
            markers.Add(marker);
            if (marker == 0xD9)
            {
                break;
            }

            i += 2 + ((jpeg[i + 2] << 8) | jpeg[i + 3]);
            if (marker == 0xDA)
            {
                while (i + 1 < jpeg.Length && !(jpeg[i] == 0xFF && jpeg[i + 1] is not 0x00 and not (>= 0xD0 and <= 0xD7)))
                {
                    i++;
                }
            }
        }

        return markers;
    }

    private static IEnumerable<byte> RestartMarkers(byte[] jpeg) =>
        Enumerable.Range(0, jpeg.Length - 1).Where(i => jpeg[i] == 0xFF && jpeg[i + 1] is >= 0xD0 and <= 0xD7).Select(i => jpeg[i + 1]);
}
