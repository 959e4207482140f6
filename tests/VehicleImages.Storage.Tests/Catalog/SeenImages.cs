using VehicleImages.Domain.Colours;
using VehicleImages.Domain.Images;
using VehicleImages.Domain.Vision;

namespace VehicleImages.Storage.Tests.Catalog;

/// <summary>Sample images as the vision stage and curators leave them: every origin set, a full prediction beside the labels.</summary>
internal static class SeenImages
{
    /// <summary>Each origin a different source, so a column read into the wrong field shows.</summary>
    public static LabelOrigins MixedOrigins { get; } = new(LabelSource.Given, LabelSource.Predicted, LabelSource.Curator, LabelSource.Predicted);

    /// <summary>
    /// A prediction with every field set, or without a colour when <paramref name="colour"/> is null. The scores are
    /// not short decimals (a third, a sum of tenths) so that only an exact round trip reads them back equal.
    /// </summary>
    public static VisionPrediction Prediction(string models = "resnet18-e2552f19db2d+heads-3f9a01c2", View view = View.FrontLeft, GenericColour? colour = GenericColour.White) => new(
        models,
        ContentClass.Exterior,
        1 - (1.0 / 3 / 7),
        new Dictionary<ContentClass, double>
        {
            [ContentClass.Exterior] = 1 - (1.0 / 3 / 7),
            [ContentClass.Interior] = 1.0 / 3 / 21,
            [ContentClass.Engine] = 0.1 + 0.2 - 0.3,
            [ContentClass.Part] = 1.0 / 3 / 21,
            [ContentClass.NoVehicle] = 1.0 / 3 / 21,
            [ContentClass.Render] = 1e-9,
            [ContentClass.Toy] = 0,
            [ContentClass.Screenshot] = 2.5e-5,
        },
        view,
        0.1 + 0.7,
        colour,
        colour is null ? null : "F2F3F1",
        colour is null ? 0 : 2.0 / 3);

    /// <summary>The image with <see cref="MixedOrigins"/> and a <see cref="Prediction"/> of its own view and colour.</summary>
    public static VehicleImage Seen(VehicleImage image) =>
        image with { Origins = MixedOrigins, Vision = Prediction(view: image.View, colour: image.Colour) };

    /// <summary>Images read back equal by value: their rendition lists and score dictionaries are different objects.</summary>
    public sealed class Equality : IEqualityComparer<VehicleImage?>
    {
        public static readonly Equality Instance = new();

        private static readonly Dictionary<ContentClass, double> NoScores = [];

        public bool Equals(VehicleImage? x, VehicleImage? y) =>
            x is not null && y is not null
            && x with { Renditions = [], Vision = null } == y with { Renditions = [], Vision = null }
            && x.Renditions.SequenceEqual(y.Renditions)
            && SamePrediction(x.Vision, y.Vision);

        public int GetHashCode(VehicleImage? image) => image?.Id.GetHashCode() ?? 0;

        private static bool SamePrediction(VisionPrediction? x, VisionPrediction? y) =>
            (x, y) switch
            {
                (null, null) => true,
                ({ } a, { } b) => a with { ContentScores = NoScores } == b with { ContentScores = NoScores }
                    && a.ContentScores.Count == b.ContentScores.Count
                    && a.ContentScores.All(score => b.ContentScores.TryGetValue(score.Key, out var other) && other == score.Value),
                _ => false,
            };
    }
}
