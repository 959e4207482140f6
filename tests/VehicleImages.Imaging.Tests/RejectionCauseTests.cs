using System.Collections.Concurrent;
using VehicleImages.Domain.Images;

namespace VehicleImages.Imaging.Tests;

/// <summary>
/// libvips keeps one error buffer for the whole process: while a PNG and a JPEG fail at the same time, each failure
/// finds the other's lines there too. Every rejection must still give its own image's cause.
/// </summary>
public sealed class RejectionCauseTests
{
    private const int Decodes = 400;

    [Fact]
    public void Broken_pngs_and_jpegs_decoded_in_parallel_are_each_rejected_for_a_cause_of_their_own_format()
    {
        // Broken inside the pixel data, so the header reads and the decode fails part way in libvips' own loaders: a
        // PNG whose chunks are whole but whose image data is damaged (the frame count still walks it), and a JPEG cut
        // short that is turned by its EXIF orientation (turned JPEGs are decoded by libvips, not TurboJPEG).
        var png = Damaged(TestImages.Save(TestImages.Gradient(640, 480), "pngsave_buffer"));
        var jpeg = Truncated(TestImages.WithOrientation(TestImages.Save(TestImages.Gradient(640, 480), "jpegsave_buffer"), 6));
        var rejections = new ConcurrentBag<(ImageFormat Format, string Message)>();

        Parallel.For(0, Decodes, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var (format, bytes) = i % 2 == 0 ? (ImageFormat.Png, png) : (ImageFormat.Jpeg, jpeg);
            var rejected = Assert.Throws<ImageRejectedException>(() => Processors.Default.Decode(bytes, 320));
            Assert.Equal(RejectionReason.Corrupt, rejected.Reason);
            rejections.Add((format, rejected.Message));
        });

        var foreign = rejections.Where(r => NamesTheOther(r.Format, r.Message)).Select(r => $"{r.Format}: {r.Message}").ToList();
        Assert.True(foreign.Count == 0, $"{foreign.Count} of {Decodes} rejections name the other format's error, e.g. {foreign.FirstOrDefault()}");

        // The filter keeps an image's own lines, not only the generic fallback.
        Assert.Contains(rejections, r => r.Format == ImageFormat.Png && r.Message.Contains("vipspng:", StringComparison.Ordinal));
        Assert.Contains(rejections, r => r.Format == ImageFormat.Jpeg && r.Message.Contains("VipsJpeg:", StringComparison.Ordinal));
    }

    private static byte[] Truncated(byte[] whole) => whole[..(whole.Length * 6 / 10)];

    private static byte[] Damaged(byte[] whole)
    {
        var damaged = whole.ToArray();
        for (var i = damaged.Length * 6 / 10; i < (damaged.Length * 6 / 10) + 64; i++)
        {
            damaged[i] ^= 0xFF;
        }

        return damaged;
    }

    private static bool NamesTheOther(ImageFormat format, string message) => format == ImageFormat.Png
        ? message.Contains("jpeg", StringComparison.OrdinalIgnoreCase)
        : message.Contains("png", StringComparison.OrdinalIgnoreCase);
}
