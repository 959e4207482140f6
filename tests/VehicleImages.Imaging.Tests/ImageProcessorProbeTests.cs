using VehicleImages.Domain.Images;

namespace VehicleImages.Imaging.Tests;

public sealed class ImageProcessorProbeTests
{
    [Fact]
    public void Probe_reads_format_and_size_of_every_corpus_file_from_its_bytes()
    {
        var mismatches = new List<string>();
        foreach (var row in Corpus.Manifest)
        {
            var header = Processors.Default.Probe(Corpus.Bytes(row.File));
            var expected = row.Format switch { "jpeg" => ImageFormat.Jpeg, "png" => ImageFormat.Png, "webp" => ImageFormat.WebP, _ => (ImageFormat?)null };
            if (header.Format != expected || header.Width != row.Width || header.Height != row.Height)
            {
                mismatches.Add($"{row.File}: {header.Format} {header.Width}x{header.Height}, manifest {row.Format} {row.Width}x{row.Height}");
            }
        }

        Assert.Empty(mismatches);
    }

    [Fact]
    public void Probe_sees_alpha_in_cutouts_and_none_in_photos()
    {
        Corpus.Require();
        Assert.True(Processors.Default.Probe(Corpus.Bytes("carvana/0ce66b539f52_01_cutout.png")).HasAlpha);
        Assert.False(Processors.Default.Probe(Corpus.Bytes("carvana/0ce66b539f52_01.jpg")).HasAlpha);
    }

    [Fact]
    public void Probe_reads_a_webp_file_named_jpg_as_webp()
    {
        Corpus.Require();
        Assert.Equal(ImageFormat.WebP, Processors.Default.Probe(Corpus.Bytes("bad_parts/TORQUE_CONVERTER.jpg")).Format);
    }

    [Fact]
    public void Probe_sees_progressive_jpeg_as_interlaced()
    {
        using var image = TestImages.Gradient(64, 48);
        var progressive = TestImages.Save(image, "jpegsave_buffer", interlace: true);
        Assert.True(Processors.Default.Probe(progressive).Interlaced);
        Assert.False(Processors.Default.Probe(TestImages.Save(image, "jpegsave_buffer", interlace: false)).Interlaced);
    }
}
