using VehicleImages.Domain.Colours;
using VehicleImages.Domain.Images;
using VehicleImages.Domain.Quality;
using VehicleImages.Domain.Renditions;
using VehicleImages.Imaging.Analysis;
using VehicleImages.Imaging.Vips;

namespace VehicleImages.Imaging.Tests.Analysis;

public sealed class ImageAnalysisTests
{
    private static readonly QualityPolicy Policy = QualityPolicy.Default;

    [Fact]
    public void A_flat_frame_measures_as_blank_and_a_photo_does_not()
    {
        Corpus.Require();
        using var flat = TestImages.Solid(800, 600, 90, 110, 130);
        var photo = Measure(Corpus.Bytes("stanford/00001.jpg"));
        var blank = ImageAnalysis.Measure(flat.ToPixels());

        Assert.True(Judge(blank, 800, 600).Issues.HasFlag(QualityIssues.Blank));
        Assert.True(Judge(photo, 530, 259).IsGood);
    }

    [Fact]
    public void A_heavily_blurred_photo_measures_as_blurred_and_the_sharp_original_does_not()
    {
        Corpus.Require();
        var original = Corpus.Bytes("carvana/0ce66b539f52_01.jpg");
        var decoded = Processors.Default.Decode(original, 640);
        using var image = VipsImage.FromPixels(decoded.Pixels());
        using var blurred = TestImages.GaussianBlur(image, sigma: 6);

        var sharp = ImageAnalysis.Measure(decoded.Pixels());
        var soft = ImageAnalysis.Measure(blurred.ToPixels());

        Assert.True(Judge(sharp, 1918, 1280).IsGood);
        Assert.Equal(QualityIssues.Blurred, Judge(soft, 1918, 1280).Issues);
    }

    [Fact]
    public void Resized_and_reencoded_copies_are_the_same_picture()
    {
        // Measured as ingest measures: the hash from pixels fitted to the detail edge, the fingerprint from the
        // encoded thumbnail.
        foreach (var file in Corpus.Manifest.Where(r => r.IsGood).Select(r => r.File).Take(30))
        {
            var original = Corpus.Bytes(file);
            var (hash, fingerprint) = HashAndFingerprint(original);
            var decoded = Processors.Default.Decode(original, 1920);
            foreach (var edge in new[] { 1280, 320, 150 })
            {
                var smaller = decoded.Shrink(edge);
                var (copyHash, copyFingerprint) = HashAndFingerprint(smaller.Encode(Background.Opaque, ImageFormat.WebP).Bytes);

                var distance = PerceptualHash.Distance(hash, copyHash);
                Assert.True(distance <= Policy.NearDuplicateDistance, $"{file} at {edge}: {distance} bits");
                Assert.True(Policy.IsSamePicture(fingerprint, copyFingerprint), $"{file} at {edge}: fingerprints differ");
            }
        }
    }

    [Fact]
    public void Different_cars_in_the_same_studio_pose_are_not_the_same_picture()
    {
        // The two-stage rule ingest applies: hash candidates, confirmed by fingerprint. Each stage alone can be
        // fooled by a studio whose background fills most of the frame; both together must not be.
        Corpus.Require();
        var shots = Directory.GetFiles(Corpus.File("carvana"), "*.jpg").Order(StringComparer.Ordinal)
            .Select(f => (File: Path.GetFileName(f), Measured: HashAndFingerprint(File.ReadAllBytes(f)))).ToList();

        for (var i = 0; i < shots.Count; i++)
        {
            for (var j = i + 1; j < shots.Count; j++)
            {
                var (a, b) = (shots[i].Measured, shots[j].Measured);
                var same = PerceptualHash.Distance(a.Hash, b.Hash) <= Policy.NearDuplicateDistance && Policy.IsSamePicture(a.Fingerprint, b.Fingerprint);
                Assert.False(same, $"{shots[i].File} ~ {shots[j].File}");
            }
        }
    }

    [Theory]
    [InlineData("red_", new[] { GenericColour.Red })]
    [InlineData("yellow_", new[] { GenericColour.Yellow, GenericColour.Orange, GenericColour.Gold })]
    public void The_accent_colour_of_most_brightly_painted_cars_is_their_paint(string prefix, GenericColour[] paint)
    {
        Corpus.Require();
        var files = Directory.GetFiles(Corpus.File("lire_ferrari"), prefix + "*");
        var matching = files.Count(f =>
        {
            var accent = Measure(File.ReadAllBytes(f)).AccentColour;
            var nearest = GenericColours.Nearest(Convert.ToByte(accent[..2], 16), Convert.ToByte(accent[2..4], 16), Convert.ToByte(accent[4..], 16));
            return paint.Contains(nearest);
        });

        // Flickr scenes with people, asphalt and other cars: a majority, not all, is what a colour histogram can promise.
        Assert.True(matching * 100 / files.Length >= 60, $"{matching} of {files.Length}");
    }

    [Fact]
    public void The_accent_colour_ignores_transparent_pixels()
    {
        using var image = TestImages.Gradient(64, 64, bands: 4);
        var pixels = image.ToPixels();
        for (var i = 0; i < pixels.Data.Length; i += 4)
        {
            (pixels.Data[i], pixels.Data[i + 1], pixels.Data[i + 2]) = pixels.Data[i + 3] == 0 ? ((byte)0, (byte)255, (byte)0) : ((byte)200, (byte)20, (byte)20);
        }

        Assert.Equal(GenericColour.Red, Nearest(AccentColour.Of(pixels)));
    }

    private static (ulong Hash, byte[] Fingerprint) HashAndFingerprint(byte[] bytes)
    {
        var detail = Processors.Default.Decode(bytes, ImageAnalysis.DetailEdge);
        var thumbnail = detail.Shrink(RenditionSize.Thumbnail.LongEdge()!.Value);
        var stored = Processors.Default.Decode(thumbnail.Encode(Background.Opaque, ImageFormat.Jpeg).Bytes, 150);
        return (ImageAnalysis.Measure(detail.Pixels()).PerceptualHash, ImageAnalysis.Fingerprint(stored.Pixels()));
    }

    private static ImageMeasurements Measure(byte[] bytes)
    {
        var decoded = Processors.Default.Decode(bytes, ImageAnalysis.DetailEdge);
        return ImageAnalysis.Measure(decoded.Pixels());
    }

    private static QualityVerdict Judge(ImageMeasurements m, int width, int height) =>
        Policy.Judge(new QualityMeasurements(width, height, m.Contrast, m.Sharpness, m.OpaqueFraction), null);

    private static GenericColour Nearest(string hex) =>
        GenericColours.Nearest(Convert.ToByte(hex[..2], 16), Convert.ToByte(hex[2..4], 16), Convert.ToByte(hex[4..], 16));
}
