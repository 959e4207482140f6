using System.Security.Cryptography;
using System.Text;
using VehicleImages.Domain.Vision;
using VehicleImages.Vision.Heads;

namespace VehicleImages.Vision.Training;

/// <summary>
/// Grouped k-fold cross-validation: every photo is predicted by heads trained without its group (its car, its
/// VIN, its model year), so no car or photo is ever in both the training and the test side.
/// </summary>
public static class CrossValidation
{
    /// <summary>Each photo's prediction by heads trained on the other folds; <paramref name="fallback"/> as in <see cref="HeadTrainer.Train"/>.</summary>
    public static IReadOnlyList<(LabelledPhoto Photo, VisionPrediction Prediction)> Predict(
        IReadOnlyList<PhotoFeatures> photos, int folds, string backbone, VisionHeads? fallback = null)
    {
        ArgumentNullException.ThrowIfNull(photos);
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        var foldOf = FoldsByGroup(photos.Select(photo => photo.Photo), folds);
        var predictions = new VisionPrediction[photos.Count];
        for (var fold = 0; fold < folds; fold++)
        {
            var heads = HeadTrainer.Train([.. photos.Where(photo => foldOf[photo.Photo.Group] != fold)], [$"fold {fold + 1} of {folds}"], fallback);
            var models = $"{backbone}+{heads.Version}";
            for (var i = 0; i < photos.Count; i++)
            {
                if (foldOf[photos[i].Photo.Group] == fold)
                {
                    predictions[i] = HeadReader.Read(heads, photos[i].Input, models);
                }
            }
        }

        return [.. photos.Select((photo, i) => (photo.Photo, predictions[i]))];
    }

    // Stratified: groups sorted by what their first photo shows, then by a hash of their name, and dealt round the
    // folds. Every fold gets its share of each class, even of a class with five photos, and the same groups always
    // fall in the same folds.
    private static Dictionary<string, int> FoldsByGroup(IEnumerable<LabelledPhoto> photos, int folds) =>
        photos.GroupBy(photo => photo.Group)
            .Select(group => (Group: group.Key, Stratum: $"{group.First().Content}|{group.First().Colour}"))
            .OrderBy(entry => entry.Stratum, StringComparer.Ordinal)
            .ThenBy(entry => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(entry.Group))), StringComparer.Ordinal)
            .Select((entry, index) => (entry.Group, Fold: index % folds))
            .ToDictionary(entry => entry.Group, entry => entry.Fold);
}
