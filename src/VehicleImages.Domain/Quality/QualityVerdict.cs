using VehicleImages.Domain.Images;

namespace VehicleImages.Domain.Quality;

/// <summary>Whether an image is fit to serve by default, and if not, why.</summary>
public sealed record QualityVerdict(QualityIssues Issues, ImageId? DuplicateOf = null)
{
    public static readonly QualityVerdict Good = new(QualityIssues.None);

    public bool IsGood => Issues == QualityIssues.None;

    /// <summary>Reason names in snake_case, e.g. "too_small", "near_duplicate".</summary>
    public IReadOnlyList<string> Reasons => QualityReasons.Names(Issues);
}

/// <summary>The wire and storage names of <see cref="QualityIssues"/>.</summary>
public static class QualityReasons
{
    private static readonly (QualityIssues Issue, string Name)[] All =
    [
        (QualityIssues.TooSmall, "too_small"),
        (QualityIssues.Blank, "blank"),
        (QualityIssues.Blurred, "blurred"),
        (QualityIssues.NearDuplicate, "near_duplicate"),
        (QualityIssues.NotVehiclePhoto, "not_vehicle_photo"),
        (QualityIssues.MarkedBad, "marked_bad"),
        (QualityIssues.LabelMismatchView, "label_mismatch_view"),
        (QualityIssues.LabelMismatchColour, "label_mismatch_colour"),
        (QualityIssues.LabelMismatchPhotoType, "label_mismatch_photo_type"),
    ];

    /// <summary>Every reason name, in the order <see cref="Names"/> gives them.</summary>
    public static IReadOnlyList<string> Known { get; } = [.. All.Select(entry => entry.Name)];

    public static IReadOnlyList<string> Names(QualityIssues issues) =>
        [.. All.Where(entry => issues.HasFlag(entry.Issue)).Select(entry => entry.Name)];

    public static bool TryParse(string name, out QualityIssues issue)
    {
        foreach (var entry in All)
        {
            if (string.Equals(entry.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                issue = entry.Issue;
                return true;
            }
        }

        issue = QualityIssues.None;
        return false;
    }
}
