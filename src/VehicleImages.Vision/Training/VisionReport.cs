using System.Globalization;
using System.Text;
using VehicleImages.Domain.Images;
using VehicleImages.Domain.Vision;
using VehicleImages.Domain.Vocabulary;

namespace VehicleImages.Vision.Training;

/// <summary>A share of photos judged right, with the counts behind it.</summary>
public sealed record Score(int Right, int Total)
{
    public double Value => Total == 0 ? double.NaN : (double)Right / Total;

    public override string ToString() => Total == 0
        ? "–"
        : string.Create(CultureInfo.InvariantCulture, $"{Value:F3} ({Right}/{Total})");
}

/// <summary>
/// How predictions compare with labels: the gate (precision of what it keeps, recall of each bad kind), the
/// content classes, the views (eight handed views and CarsXE's five angles, per kind of photo) and colours.
/// </summary>
public sealed class VisionReport(IReadOnlyList<(LabelledPhoto Photo, VisionPrediction Prediction)> results, VisionPolicy policy)
{
    public int Photos => results.Count;

    private IEnumerable<(LabelledPhoto Photo, VisionPrediction Prediction)> WithContent => results.Where(result => result.Photo.Content is not null);

    private bool Kept(VisionPrediction prediction) => prediction.VehiclePhotoScore >= policy.MinVehiclePhotoScore;

    /// <summary>Of the photos the gate keeps, the share that are vehicle photos.</summary>
    public Score GatePrecision
    {
        get
        {
            var kept = WithContent.Where(result => Kept(result.Prediction)).ToList();
            return new Score(kept.Count(result => result.Photo.Content!.Value.IsVehiclePhoto()), kept.Count);
        }
    }

    /// <summary>Of the vehicle photos, the share the gate keeps.</summary>
    public Score GateRecallOfGood => Share(WithContent.Where(result => result.Photo.Content!.Value.IsVehiclePhoto()), result => Kept(result.Prediction));

    /// <summary>For each kind of bad photo, the share the gate drops.</summary>
    public IReadOnlyDictionary<ContentClass, Score> GateRecallOfBad => WithContent
        .Where(result => !result.Photo.Content!.Value.IsVehiclePhoto())
        .GroupBy(result => result.Photo.Content!.Value)
        .OrderBy(group => group.Key)
        .ToDictionary(group => group.Key, group => Share(group, result => !Kept(result.Prediction)));

    /// <summary>For each labelled class, the share predicted as that class.</summary>
    public IReadOnlyDictionary<ContentClass, Score> ContentRecall => WithContent
        .GroupBy(result => result.Photo.Content!.Value)
        .OrderBy(group => group.Key)
        .ToDictionary(group => group.Key, group => Share(group, result => result.Prediction.Content == group.Key));

    /// <summary>Per kind of photo, the share whose predicted view is one of its labelled views.</summary>
    public IReadOnlyDictionary<string, Score> EightViews => results
        .Where(result => result.Photo.Views is { Count: > 0 })
        .GroupBy(result => result.Photo.Domain)
        .OrderBy(group => group.Key, StringComparer.Ordinal)
        .ToDictionary(group => group.Key, group => Share(group, result => result.Photo.Views!.Contains(result.Prediction.View)));

    /// <summary>Per kind of photo, the share whose predicted view is one of its labelled CarsXE angles.</summary>
    public IReadOnlyDictionary<string, Score> FiveAngles => results
        .Where(result => Angles(result.Photo).Count > 0)
        .GroupBy(result => result.Photo.Domain)
        .OrderBy(group => group.Key, StringComparer.Ordinal)
        .ToDictionary(group => group.Key, group => Share(group, result => Angles(result.Photo).Contains(CarsXeAngles.Of(result.Prediction.View) ?? "")));

    /// <summary>Per kind of photo, the share whose measured colour is the labelled one.</summary>
    public IReadOnlyDictionary<string, Score> Colours => results
        .Where(result => result.Photo.Colour is not null)
        .GroupBy(result => result.Photo.Domain)
        .OrderBy(group => group.Key, StringComparer.Ordinal)
        .ToDictionary(group => group.Key, group => Share(group, result => result.Prediction.Colour == result.Photo.Colour));

    public string Format()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{Photos} photos; gate keeps a photo at vehicle-photo probability >= {policy.MinVehiclePhotoScore}");
        text.AppendLine(CultureInfo.InvariantCulture, $"gate   precision of good {GatePrecision}   recall of good {GateRecallOfGood}");
        foreach (var (kind, score) in GateRecallOfBad)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"       recall of bad {kind.Name(),-11} {score}");
        }

        text.AppendLine("content (recall of each class, then what it was taken for)");
        foreach (var (kind, score) in ContentRecall)
        {
            var confusions = WithContent.Where(result => result.Photo.Content == kind && result.Prediction.Content != kind)
                .GroupBy(result => result.Prediction.Content).OrderByDescending(group => group.Count())
                .Select(group => $"{group.Key.Name()} {group.Count()}");
            text.AppendLine(CultureInfo.InvariantCulture, $"       {kind.Name(),-11} {score}   {string.Join(", ", confusions)}");
        }

        Section(text, "view (8 handed views)", EightViews);
        Section(text, "view (5 CarsXE angles)", FiveAngles);
        Section(text, "colour", Colours);
        return text.ToString();
    }

    private static void Section(StringBuilder text, string title, IReadOnlyDictionary<string, Score> scores)
    {
        text.AppendLine(title);
        foreach (var (domain, score) in scores)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"       {domain,-14} {score}");
        }
    }

    private static HashSet<string> Angles(LabelledPhoto photo)
    {
        var angles = (photo.Views ?? []).Select(CarsXeAngles.Of).OfType<string>().ToHashSet(StringComparer.Ordinal);
        if (photo.Angle is { } angle && CarsXeAngles.TryViews(angle, out var views))
        {
            angles.UnionWith(views.Select(CarsXeAngles.Of).OfType<string>());
        }

        return angles;
    }

    private static Score Share<T>(IEnumerable<T> items, Func<T, bool> right)
    {
        var list = items.ToList();
        return new Score(list.Count(right), list.Count);
    }
}
