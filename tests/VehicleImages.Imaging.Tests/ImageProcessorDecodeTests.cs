using VehicleImages.Domain.Images;
using VehicleImages.Domain.Renditions;

namespace VehicleImages.Imaging.Tests;

public sealed class ImageProcessorDecodeTests
{
    [Fact]
    public void Decode_shrinks_on_load_to_the_box_and_keeps_aspect_ratio()
    {
        Corpus.Require();
        var decoded = Processors.Default.Decode(Corpus.Bytes("carvana/0ce66b539f52_01.jpg"), 640);

        Assert.Equal((640, 427), (decoded.Width, decoded.Height));
        Assert.Equal((1918, 1280), (decoded.Header.Width, decoded.Header.Height));
    }

    [Fact]
    public void Decode_never_upscales()
    {
        Corpus.Require();
        var decoded = Processors.Default.Decode(Corpus.Bytes("stanford/00001.jpg"), 1920);
        Assert.Equal((530, 259), (decoded.Width, decoded.Height));
    }

    [Fact]
    public void Rendition_sizes_predict_the_dimensions_libvips_really_produces()
    {
        var mismatches = new List<string>();
        foreach (var row in Corpus.Manifest.Where(r => r.IsGood).Take(120))
        {
            var decoded = Processors.Default.Decode(Corpus.Bytes(row.File), 1920);
            foreach (var size in RenditionSizes.Standard)
            {
                var shrunk = decoded.Shrink(size.LongEdge()!.Value);
                var predicted = size.Fit(row.Width, row.Height);
                if (predicted != (shrunk.Width, shrunk.Height))
                {
                    mismatches.Add($"{row.File} {size}: predicted {predicted}, got {shrunk.Width}x{shrunk.Height}");
                }
            }
        }

        Assert.Empty(mismatches);
    }

    [Theory]
    [InlineData(ImageFormat.Jpeg)]
    [InlineData(ImageFormat.Png)]
    [InlineData(ImageFormat.WebP)]
    [InlineData(ImageFormat.Avif)]
    public void Encode_writes_each_output_format_that_probes_back_the_same(ImageFormat format)
    {
        Corpus.Require();
        var decoded = Processors.Default.Decode(Corpus.Bytes("stanford/00001.jpg"), 320);

        var encoded = decoded.Encode(Background.Opaque, format);
        var header = Processors.Default.Probe(encoded.Bytes);

        Assert.Equal(format, header.Format);
        Assert.Equal((encoded.Width, encoded.Height), (header.Width, header.Height));
        Assert.Equal((320, 156), (header.Width, header.Height));
    }

    [Fact]
    public void Opaque_flattens_a_cutout_onto_white_and_transparent_keeps_its_alpha()
    {
        Corpus.Require();
        var decoded = Processors.Default.Decode(Corpus.Bytes("carvana/0ce66b539f52_01_cutout.png"), 400);
        Assert.True(decoded.HasAlpha);

        var opaque = Processors.Default.Decode(decoded.Encode(Background.Opaque, ImageFormat.Png).Bytes, 400);
        var transparent = Processors.Default.Decode(decoded.Encode(Background.Transparent, ImageFormat.Png).Bytes, 400);

        Assert.False(opaque.HasAlpha);
        Assert.True(transparent.HasAlpha);
        var corner = opaque.Pixels();
        Assert.Equal([255, 255, 255], new[] { corner[0, 0, 0], corner[0, 0, 1], corner[0, 0, 2] });
        Assert.Equal(0, transparent.Pixels()[0, 0, 3]);
    }

    [Fact]
    public void Jpeg_output_of_a_cutout_is_flattened_even_when_transparent_is_asked()
    {
        Corpus.Require();
        var decoded = Processors.Default.Decode(Corpus.Bytes("carvana/0ce66b539f52_01_cutout.png"), 200);
        var jpeg = decoded.Encode(Background.Transparent, ImageFormat.Jpeg);
        Assert.False(Processors.Default.Probe(jpeg.Bytes).HasAlpha);
    }

    [Fact]
    public void Render_makes_the_asked_rendition_from_an_original()
    {
        Corpus.Require();
        var rendered = Processors.Default.Render(Corpus.Bytes("carvana/0ce66b539f52_01.jpg"), new RenditionSpec(RenditionSize.Small, Background.Opaque, ImageFormat.WebP));
        Assert.Equal((320, 214), (rendered.Width, rendered.Height));
        Assert.Equal(ImageFormat.WebP, Processors.Default.Probe(rendered.Bytes).Format);
    }

    [Fact]
    public void A_turned_jpeg_shrunk_on_load_decodes_upright()
    {
        // Red grows left to right as stored; orientation 6 says "turn 90° clockwise to view", so it grows top to bottom.
        using var landscape = TestImages.Gradient(800, 400);
        var turned = TestImages.WithOrientation(TestImages.Save(landscape, "jpegsave_buffer"), 6);

        var pixels = Processors.Default.Decode(turned, 100).Pixels();

        Assert.Equal((50, 100), (pixels.Width, pixels.Height));
        Assert.InRange(pixels[25, 0, 0], 0, 12);
        Assert.InRange(pixels[25, 99, 0], 243, 255);
    }

    [Fact]
    public void A_large_png_is_averaged_down_as_it_streams_in_then_resampled_to_the_exact_size()
    {
        using var wide = TestImages.Gradient(1000, 600);
        var png = TestImages.Save(wide, "pngsave_buffer");

        var pixels = Processors.Default.Decode(png, 150).Pixels();

        Assert.Equal((150, 90), (pixels.Width, pixels.Height));
        Assert.InRange(pixels[75, 45, 0], 120, 136);
        Assert.InRange(pixels[0, 45, 0], 0, 6);
        Assert.InRange(pixels[149, 45, 0], 249, 255);
    }

    [Theory]
    [InlineData(3, "rgb16")]
    [InlineData(1, "grey16")]
    public void A_16_bit_png_decodes_to_8_bits_by_scaling_not_clipping(int bands, string interpretation)
    {
        // 16-bit values are 257 times the 8-bit ones: a decode that clipped instead of scaling would give all 255.
        using var eight = TestImages.Gradient(400, 200, bands);
        using var ushorts = Call(eight, "cast", op => op.Set("format", "ushort"));
        using var scaled = Call(ushorts, "linear", op => op.Set("a", "257").Set("b", "0").Set("uchar", false));
        using var sixteen = Call(scaled, "cast", op => op.Set("format", "ushort"));
        using var tagged = Call(sixteen, "copy", op => op.Set("interpretation", interpretation));
        var png = tagged.Save("pngsave_buffer", op => op.Set("bitdepth", 16));
        using (var blob = VehicleImages.Imaging.Vips.VipsBlob.Copy(png))
        using (var stored = VehicleImages.Imaging.Vips.VipsImage.LoadHeader(blob, "pngload_buffer"))
        {
            Assert.False(stored.IsUchar, "the test image must really hold 16 bits a band");
        }

        var pixels = Processors.Default.Decode(png, 100).Pixels();

        Assert.Equal((100, 50, bands), (pixels.Width, pixels.Height, pixels.Bands));
        Assert.InRange(pixels[50, 25, 0], 118, 138);
        Assert.InRange(pixels[0, 25, 0], 0, 6);
    }

    private static VehicleImages.Imaging.Vips.VipsImage Call(VehicleImages.Imaging.Vips.VipsImage input, string name, Action<VehicleImages.Imaging.Vips.VipsOperation> options)
    {
        using var operation = VehicleImages.Imaging.Vips.VipsOperation.Create(name).Set("in", input);
        options(operation);
        operation.Build();
        return operation.OutputImage();
    }
}
