using VehicleImages.Domain.Colours;
using VehicleImages.Domain.Images;
using VehicleImages.Domain.Quality;

namespace VehicleImages.Domain.Vision;

/// <summary>
/// How a prediction and an image's labels work together. A label given at ingest or set by a curator wins and is
/// kept; a prediction fills what no one labelled; a confident disagreement with a given label becomes a quality
/// reason a curator resolves; the gate flags what is not a photo of a vehicle. Applying a new prediction first
/// undoes what the previous one decided, so a backfill with new heads leaves no stale fill or reason behind.
/// </summary>
public sealed record VisionPolicy
{
    public static VisionPolicy Default { get; } = new();

    /// <summary>Below this probability of being a vehicle photo, the image is not served by default.</summary>
    public double MinVehiclePhotoScore { get; init; } = 0.7;

    /// <summary>A prediction fills an empty view or photo type when at least this probable.</summary>
    public double MinFillScore { get; init; } = 0.5;

    /// <summary>A prediction contradicts a given view or photo type only when at least this probable.</summary>
    public double MinMismatchScore { get; init; } = 0.9;

    /// <summary>A measured colour contradicts a given one only when at least this share of the car shows it.</summary>
    public double MinColourMismatchShare { get; init; } = 0.3;

    private const QualityIssues VisionIssues = QualityIssues.NotVehiclePhoto | QualityIssues.LabelMismatchView
        | QualityIssues.LabelMismatchColour | QualityIssues.LabelMismatchPhotoType;

    public VehicleImage Apply(VehicleImage image, VisionPrediction prediction)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(prediction);
        var origins = image.Origins;
        var issues = image.Quality.Issues & ~VisionIssues;
        var curatorJudged = origins.Verdict == LabelSource.Curator;
        var contentScore = prediction.ContentScores.GetValueOrDefault(prediction.Content);
        var predictedType = prediction.Content.PhotoType();

        var photoType = image.PhotoType;
        if (IsLabel(origins.PhotoType))
        {
            if (origins.PhotoType == LabelSource.Given && predictedType is { } type && type != photoType && contentScore >= MinMismatchScore)
            {
                issues |= QualityIssues.LabelMismatchPhotoType;
            }
        }
        else
        {
            var fills = predictedType is not null && contentScore >= MinFillScore;
            photoType = fills ? predictedType!.Value : PhotoType.Exterior;
            origins = origins with { PhotoType = fills ? LabelSource.Predicted : LabelSource.None };
        }

        var view = image.View;
        if (IsLabel(origins.View) && view != View.Unknown)
        {
            if (origins.View == LabelSource.Given && ViewsDisagree(view, prediction.View) && prediction.ViewScore >= MinMismatchScore)
            {
                issues |= QualityIssues.LabelMismatchView;
            }
        }
        else
        {
            var fills = predictedType is not null && prediction.View != View.Unknown && prediction.ViewScore >= MinFillScore
                && ViewNames.PhotoTypeOf(prediction.View) == photoType;
            view = fills ? prediction.View : View.Unknown;
            origins = origins with { View = fills ? LabelSource.Predicted : LabelSource.None };
        }

        var colour = image.Colour;
        var measurable = photoType == PhotoType.Exterior && prediction.Content == ContentClass.Exterior && prediction.Colour is not null;
        if (IsLabel(origins.Colour) && colour is not null)
        {
            if (origins.Colour == LabelSource.Given && measurable && prediction.ColourScore >= MinColourMismatchShare
                && !GenericColours.AreNear(colour.Value, prediction.Colour!.Value))
            {
                issues |= QualityIssues.LabelMismatchColour;
            }
        }
        else
        {
            var fills = measurable && contentScore >= MinFillScore;
            // The source's own words stay: "Nardo" names no generic colour, yet it is what the seller called it.
            colour = fills ? prediction.Colour : null;
            origins = origins with { Colour = fills ? LabelSource.Predicted : LabelSource.None };
        }

        if (curatorJudged)
        {
            // A curator's verdict stands: a prediction neither flags nor clears what they judged.
            issues = image.Quality.Issues;
        }
        else if (prediction.VehiclePhotoScore < MinVehiclePhotoScore)
        {
            issues |= QualityIssues.NotVehiclePhoto;
        }

        return image with
        {
            PhotoType = photoType,
            View = view,
            Colour = colour,
            Origins = origins,
            Vision = prediction,
            Quality = image.Quality with { Issues = issues },
        };
    }

    private static bool IsLabel(LabelSource source) => source is LabelSource.Given or LabelSource.Curator;

    // Views a quarter turn or more apart disagree; neighbours do not, since a shot between two views is either.
    private static bool ViewsDisagree(View given, View predicted)
    {
        if (!ViewNames.IsExterior(given) || !ViewNames.IsExterior(predicted) || predicted == View.Unknown || given == View.Unknown)
        {
            return false;
        }

        return ViewRing.Candidates(given).All(candidate => ViewRing.Distance(candidate, predicted) >= 2);
    }
}
