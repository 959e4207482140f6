using VehicleImages.Domain.Images;
using VehicleImages.Domain.Renditions;
using VehicleImages.Imaging.Analysis;

namespace VehicleImages.Imaging.Tests.Analysis;

/// <summary>
/// The measurements are stored with every image and compared across images, so the optimised code must give the
/// reference's results to the bit, on real photos and on the awkward sizes and band counts that exercise its edges.
/// </summary>
public sealed class AnalysisEquivalenceTests
{
    // Values at the edges of the arithmetic (0, 255, the alpha midpoint) are over-represented in random pixels.
    private static readonly byte[] EdgeValues = [0, 1, 127, 128, 254, 255];

    [Fact]
    public void Corpus_photos_measure_and_fingerprint_as_the_reference_does()
    {
        var differences = new List<string>();
        foreach (var file in Corpus.Manifest.Select(r => r.File))
        {
            var bytes = Corpus.Bytes(file);
            if (!TryDecode(bytes, ImageAnalysis.DetailEdge, out var detail) || !TryDecode(bytes, RenditionSize.Thumbnail.LongEdge()!.Value, out var thumbnail))
            {
                continue;
            }

            foreach (var (variant, pixels) in BandVariants(detail))
            {
                Compare(differences, $"{file} {variant}", pixels);
            }

            if (!ImageAnalysis.Fingerprint(thumbnail).AsSpan().SequenceEqual(ReferenceAnalysis.Fingerprint(thumbnail)))
            {
                differences.Add($"{file} thumbnail: fingerprint");
            }
        }

        Assert.True(differences.Count == 0, string.Join(Environment.NewLine, differences.Take(50)));
    }

    [Fact]
    public void Synthetic_images_of_every_small_width_and_band_count_measure_as_the_reference_does()
    {
        var random = new Random(601);
        var differences = new List<string>();
        foreach (var bands in new[] { 1, 2, 3, 4 })
        {
            foreach (var height in new[] { 1, 2, 3, 4, 7, 33, 43 })
            {
                for (var width = 1; width <= 70; width++)
                {
                    foreach (var alpha in Enum.GetValues<Alpha>())
                    {
                        Compare(differences, $"{width}x{height}x{bands} alpha {alpha}", Random(random, width, height, bands, alpha));
                    }
                }
            }
        }

        Assert.True(differences.Count == 0, string.Join(Environment.NewLine, differences.Take(50)));
    }

    [Fact]
    public void Rows_longer_than_a_vector_accumulator_holds_measure_as_the_reference_does()
    {
        // The vector sums move into 64-bit totals every 8192 pixels of a row; these rows cross that more than once,
        // and a black and white checkerboard has the largest Laplacians there are, so a late move would overflow.
        var random = new Random(9001);
        var differences = new List<string>();
        foreach (var bands in new[] { 1, 2, 3, 4 })
        {
            Compare(differences, $"20001x5x{bands}", Random(random, 20_001, 5, bands, Alpha.Mixed));
            var checkerboard = new byte[20_001 * 5 * bands];
            for (var i = 0; i < checkerboard.Length; i++)
            {
                checkerboard[i] = (i / bands) % 2 == 0 ? (byte)255 : (byte)0;
            }

            Compare(differences, $"20001x5x{bands} checkerboard", new PixelBuffer(checkerboard, 20_001, 5, bands));
        }

        Assert.True(differences.Count == 0, string.Join(Environment.NewLine, differences));
    }

    [Fact]
    public void Grey_matches_the_reference_for_every_colour_and_every_grey_and_alpha()
    {
        // Every RGB triple (with and without an alpha that runs through every level) and every grey+alpha pair: the
        // luma and compositing arithmetic has no input it is not checked on.
        var colours = 1 << 24;
        var rgb = new byte[colours * 3];
        var rgba = new byte[colours * 4];
        for (var i = 0; i < colours; i++)
        {
            (rgb[i * 3], rgb[(i * 3) + 1], rgb[(i * 3) + 2]) = ((byte)i, (byte)(i >> 8), (byte)(i >> 16));
            (rgba[i * 4], rgba[(i * 4) + 1], rgba[(i * 4) + 2], rgba[(i * 4) + 3]) = ((byte)i, (byte)(i >> 8), (byte)(i >> 16), (byte)(i * 7 / 3));
        }

        var greyAlpha = new byte[256 * 256 * 2];
        for (var i = 0; i < 256 * 256; i++)
        {
            (greyAlpha[i * 2], greyAlpha[(i * 2) + 1]) = ((byte)i, (byte)(i >> 8));
        }

        foreach (var pixels in new[] { new PixelBuffer(rgb, 4096, 4096, 3), new PixelBuffer(rgba, 4096, 4096, 4), new PixelBuffer(greyAlpha, 256, 256, 2) })
        {
            Assert.True(ReferenceAnalysis.Grey(pixels).AsSpan().SequenceEqual(PixelSampling.Grey(pixels)), $"{pixels.Bands} bands");
        }
    }

    [Theory]
    [InlineData(150, 100, 32, 32)]
    [InlineData(641, 427, 64, 43)]
    [InlineData(640, 427, 64, 43)]
    [InlineData(427, 640, 43, 64)]
    [InlineData(100, 3, 32, 32)]
    [InlineData(5, 3, 32, 32)]
    [InlineData(1, 1, 32, 32)]
    [InlineData(33, 31, 32, 32)]
    [InlineData(97, 61, 13, 7)]
    [InlineData(64, 64, 64, 64)]
    public void Box_averages_as_the_reference_does_at_uneven_ratios(int width, int height, int toWidth, int toHeight)
    {
        var random = new Random((width * 1000) + height);
        foreach (var bands in new[] { 1, 2, 3, 4 })
        {
            foreach (var alpha in Enum.GetValues<Alpha>())
            {
                var pixels = Random(random, width, height, bands, alpha);
                var expected = ReferenceAnalysis.Box(pixels, toWidth, toHeight);
                var actual = PixelSampling.Box(pixels, toWidth, toHeight);

                Assert.Equal((expected.Width, expected.Height, expected.Bands), (actual.Width, actual.Height, actual.Bands));
                Assert.True(expected.Data.AsSpan().SequenceEqual(actual.Data), $"{width}x{height}x{bands} alpha {alpha} to {toWidth}x{toHeight}");
            }
        }
    }

    private enum Alpha
    {
        Transparent,
        Partial,
        Opaque,
        Mixed,
    }

    private static void Compare(List<string> differences, string name, PixelBuffer pixels)
    {
        var expected = ReferenceAnalysis.Measure(pixels);
        var actual = ImageAnalysis.Measure(pixels);
        var fields = new (string Field, bool Same)[]
        {
            ("accent colour", expected.AccentColour == actual.AccentColour),
            ("perceptual hash", expected.PerceptualHash == actual.PerceptualHash),
            ("contrast", SameBits(expected.Contrast, actual.Contrast)),
            ("sharpness", SameBits(expected.Sharpness, actual.Sharpness)),
            ("opaque fraction", SameBits(expected.OpaqueFraction, actual.OpaqueFraction)),
            ("grey", ReferenceAnalysis.Grey(pixels).AsSpan().SequenceEqual(PixelSampling.Grey(pixels))),
            ("fingerprint", ReferenceAnalysis.Fingerprint(pixels).AsSpan().SequenceEqual(ImageAnalysis.Fingerprint(pixels))),
        };

        differences.AddRange(fields.Where(f => !f.Same).Select(f => $"{name}: {f.Field}"));
    }

    // Stricter than ==: a result that differs only in the sign of zero still counts as a difference.
    private static bool SameBits(double a, double b) => BitConverter.DoubleToInt64Bits(a) == BitConverter.DoubleToInt64Bits(b);

    private static bool TryDecode(byte[] bytes, int edge, out PixelBuffer pixels)
    {
        try
        {
            pixels = Processors.Default.Decode(bytes, edge).Pixels();
            return true;
        }
        catch (ImageRejectedException)
        {
            pixels = null!;
            return false;
        }
    }

    // The decoded photo as it is, and converted to the other band counts Measure accepts: grey and grey+alpha, and
    // colour with alpha, with an alpha that runs through every level so compositing is exercised at real sizes.
    private static IEnumerable<(string Variant, PixelBuffer Pixels)> BandVariants(PixelBuffer decoded)
    {
        yield return ($"{decoded.Bands} bands as decoded", decoded);
        if (decoded.Bands != 3)
        {
            yield break;
        }

        var count = decoded.Width * decoded.Height;
        var grey = new byte[count];
        var greyAlpha = new byte[count * 2];
        var colourAlpha = new byte[count * 4];
        for (var i = 0; i < count; i++)
        {
            var alpha = (byte)(i * 7 % 256);
            grey[i] = decoded.Data[i * 3];
            (greyAlpha[i * 2], greyAlpha[(i * 2) + 1]) = (grey[i], alpha);
            decoded.Data.AsSpan(i * 3, 3).CopyTo(colourAlpha.AsSpan(i * 4));
            colourAlpha[(i * 4) + 3] = alpha;
        }

        yield return ("grey", new PixelBuffer(grey, decoded.Width, decoded.Height, 1));
        yield return ("grey+alpha", new PixelBuffer(greyAlpha, decoded.Width, decoded.Height, 2));
        yield return ("colour+alpha", new PixelBuffer(colourAlpha, decoded.Width, decoded.Height, 4));
    }

    private static PixelBuffer Random(Random random, int width, int height, int bands, Alpha alpha)
    {
        var data = new byte[width * height * bands];
        for (var i = 0; i < data.Length; i++)
        {
            var isAlpha = bands is 2 or 4 && i % bands == bands - 1;
            data[i] = isAlpha ? AlphaValue(random, alpha) : Value(random);
        }

        return new PixelBuffer(data, width, height, bands);
    }

    private static byte Value(Random random) =>
        random.Next(4) == 0 ? EdgeValues[random.Next(EdgeValues.Length)] : (byte)random.Next(256);

    private static byte AlphaValue(Random random, Alpha alpha) => alpha switch
    {
        Alpha.Transparent => 0,
        Alpha.Opaque => 255,
        Alpha.Partial => (byte)random.Next(1, 255),
        _ => Value(random),
    };
}
