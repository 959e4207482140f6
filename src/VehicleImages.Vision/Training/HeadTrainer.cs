using VehicleImages.Domain.Images;
using VehicleImages.Domain.Vision;
using VehicleImages.Vision.Backbone;
using VehicleImages.Vision.Colour;
using VehicleImages.Vision.Heads;

namespace VehicleImages.Vision.Training;

/// <summary>
/// Trains every head from labelled photos. Each photo also counts mirrored: the same content, the mirrored view
/// (left and right swap). Rare content classes are weighted up so a handful of toys still shape the gate.
/// </summary>
public static class HeadTrainer
{
    public static readonly IReadOnlyList<string> CellClasses = ["background", VisionHeads.CarClass];

    // Penalties chosen by cross-validation on the corpus (docs/VISION.md).
    private const double ContentPenalty = 0.3;
    private const double ViewPenalty = 0.01;
    private const double CellPenalty = 0.1;

    /// <summary>A cell is car when its mask covers more than this, background below <see cref="BackgroundCoverage"/>; cells between are left out.</summary>
    private const double CarCoverage = 0.5;
    private const double BackgroundCoverage = 0.15;

    /// <summary>
    /// Heads trained on <paramref name="photos"/>. A head whose labels none of them carry (a library has no car
    /// masks; a dealer feed may have no colours) is taken from <paramref name="fallback"/>, and the record says so.
    /// </summary>
    public static VisionHeads Train(IReadOnlyList<PhotoFeatures> photos, IReadOnlyList<string> trainedOn, VisionHeads? fallback = null)
    {
        ArgumentNullException.ThrowIfNull(photos);
        ArgumentNullException.ThrowIfNull(trainedOn);
        var kept = new List<string>();
        T Either<T>(bool trainable, Func<T> train, Func<VisionHeads, T> previous, string head)
        {
            if (trainable)
            {
                return train();
            }

            if (fallback is null)
            {
                throw new InvalidDataException($"Cannot train the vision heads: no photo has {head} labels, and there are no heads to keep it from.");
            }

            kept.Add(head);
            return previous(fallback);
        }

        var content = Either(photos.Any(photo => photo.Photo.Content is not null), () => TrainContent(photos), heads => heads.Content, "content");
        var view = Either(photos.Any(IsViewExample), () => TrainView(photos), heads => heads.View, "view");
        var cells = Either(photos.Any(photo => photo.CellCoverage is not null), () => TrainCells(photos), heads => heads.CarCells, "car mask");
        var colour = Either(photos.Any(IsColourExample), () => TrainColour(photos, cells), heads => heads.Colour, "colour");
        var record = kept.Count == 0 ? trainedOn : [.. trainedOn, $"{string.Join(", ", kept)} kept from {fallback!.Version}"];
        return new VisionHeads(content, view, cells, colour, record);
    }

    private static bool IsViewExample(PhotoFeatures photo) => photo.Photo.Views is { Count: > 0 } && photo.Photo.Content is null or ContentClass.Exterior;

    private static bool IsColourExample(PhotoFeatures photo) => photo.Photo.Colour is not null && photo.Photo.Content is null or ContentClass.Exterior;

    private static LinearHead TrainContent(IReadOnlyList<PhotoFeatures> photos)
    {
        var classes = ContentClasses.Known.Select(content => content.Name()).ToList();
        var labelled = photos.Where(photo => photo.Photo.Content is not null).ToList();
        var counts = labelled.GroupBy(photo => photo.Photo.Content!.Value).ToDictionary(group => group.Key, group => group.Count());
        var examples = labelled.SelectMany(photo =>
        {
            var label = classes.IndexOf(photo.Photo.Content!.Value.Name());
            var weight = (float)Math.Sqrt((double)labelled.Count / counts[photo.Photo.Content!.Value]);
            return new[] { new TrainingExample(photo.Input.Map.ContentFeatures(), label, weight), new TrainingExample(photo.Mirrored.ContentFeatures(), label, weight) };
        }).ToList();
        return SoftmaxTrainer.Fit(examples, classes, ContentPenalty);
    }

    private static LinearHead TrainView(IReadOnlyList<PhotoFeatures> photos)
    {
        var classes = ViewRing.Clockwise.Select(ViewNames.Name).ToList();
        var labelled = photos.Where(IsViewExample).ToList();
        var examples = labelled.SelectMany(photo =>
        {
            // A shot between two views teaches both, half each.
            var views = photo.Photo.Views!;
            var weight = 1f / views.Count;
            return views.SelectMany(view => new[]
            {
                new TrainingExample(photo.Input.Map.Columns(), classes.IndexOf(ViewNames.Name(view)), weight),
                new TrainingExample(photo.Mirrored.Columns(), classes.IndexOf(ViewNames.Name(ViewRing.Mirrored(view))), weight),
            });
        }).ToList();
        return SoftmaxTrainer.Fit(examples, classes, ViewPenalty);
    }

    private static LinearHead TrainCells(IReadOnlyList<PhotoFeatures> photos)
    {
        var examples = new List<TrainingExample>();
        foreach (var photo in photos)
        {
            for (var cell = 0; cell < FeatureMap.Size * FeatureMap.Size; cell++)
            {
                var (row, column) = (cell / FeatureMap.Size, cell % FeatureMap.Size);
                if (photo.CellCoverage is { } coverage && coverage[cell] is > CarCoverage or < BackgroundCoverage)
                {
                    examples.Add(new TrainingExample(photo.Input.Map.Cell(row, column), coverage[cell] > CarCoverage ? 1 : 0));
                }
                else if (photo.Photo.Content == ContentClass.NoVehicle)
                {
                    examples.Add(new TrainingExample(photo.Input.Map.Cell(row, column), 0));
                }
            }
        }

        return SoftmaxTrainer.Fit(examples, CellClasses, CellPenalty, iterations: 200);
    }

    private static ColourRule TrainColour(IReadOnlyList<PhotoFeatures> photos, LinearHead cells)
    {
        var labelled = photos.Where(IsColourExample)
            .Select(photo => (BodyColour.Measure(photo.Input.Square, HeadReader.CarCells(cells, photo.Input.Map)), photo.Photo.Colour!.Value))
            .ToList();
        return ColourRule.Fit(labelled);
    }
}
