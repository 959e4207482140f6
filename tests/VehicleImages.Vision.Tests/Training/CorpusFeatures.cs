using VehicleImages.Imaging;
using VehicleImages.Vision.Backbone;
using VehicleImages.Vision.Training;

namespace VehicleImages.Vision.Tests.Training;

/// <summary>
/// Every labelled photo of the corpus and its second set through the real backbone, once per test run: the
/// training and evaluation data of the shipped heads, read exactly as <c>vision train</c> reads it.
/// </summary>
internal static class CorpusFeatures
{
    private static readonly Lazy<IReadOnlyList<PhotoFeatures>> Extracted = new(Extract);

    public static IReadOnlyList<string> Manifests =>
    [
        Corpus.ManifestPath,
        Path.Combine(Corpus.ExtraRoot, "manifest.csv"),
        Path.Combine(Corpus.ExtraRoot, "stanford_views.csv"),
    ];

    /// <summary>The features; skips the calling test when the corpus is absent.</summary>
    public static IReadOnlyList<PhotoFeatures> All
    {
        get
        {
            Corpus.RequireExtra();
            return Extracted.Value;
        }
    }

    private static IReadOnlyList<PhotoFeatures> Extract()
    {
        using var backbone = new ResNetBackbone(ImageVision.DefaultModelDirectory, threadsPerInference: 1);
        var extractor = new FeatureExtractor(new ImageProcessor(new ImagingOptions()), backbone);
        var (features, _) = extractor.Extract(TrainingManifests.Read(Manifests), photo => File.ReadAllBytes(photo.Source), Environment.ProcessorCount);
        return features;
    }
}
