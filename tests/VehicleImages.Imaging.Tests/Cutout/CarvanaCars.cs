namespace VehicleImages.Imaging.Tests.Cutout;

/// <summary>The Carvana turntable photos of the corpus with their ground-truth masks, decoded once per test run.</summary>
internal static class CarvanaCars
{
    /// <summary>The photo names (without extension) that have a mask, in order; empty when the corpus is absent.</summary>
    public static IReadOnlyList<string> Names()
    {
        var masks = Path.Combine(Corpus.Root, "carvana_masks");
        return Directory.Exists(masks)
            ? [.. Directory.EnumerateFiles(masks, "*_mask.png").Select(f => Path.GetFileName(f)[..^"_mask.png".Length]).Order(StringComparer.Ordinal)]
            : [];
    }

    public static PixelBuffer Photo(string name) => Decode($"carvana/{name}.jpg");

    public static PixelBuffer Mask(string name) => Decode($"carvana_masks/{name}_mask.png");

    private static PixelBuffer Decode(string relative)
    {
        var decoded = Processors.Default.Decode(Corpus.Bytes(relative), int.MaxValue);
        return decoded.Pixels();
    }
}
