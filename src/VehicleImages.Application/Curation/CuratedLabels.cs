using VehicleImages.Domain.Colours;
using VehicleImages.Domain.Images;
using VehicleImages.Domain.Quality;

namespace VehicleImages.Application.Curation;

/// <summary>
/// Sets a label as a curator's decision: its origin becomes <see cref="LabelSource.Curator"/> and the quality issue
/// saying the prediction disagrees with it goes, since the curator has now looked. Clearing a label to unknown
/// makes its origin <see cref="LabelSource.None"/>, so a later prediction may fill it.
/// </summary>
internal static class CuratedLabels
{
    /// <summary>The photo type follows a known view, as at ingest, and so is decided with it; an unknown view says nothing about it.</summary>
    public static VehicleImage WithView(VehicleImage image, View view)
    {
        var origins = image.Origins with { View = Decided(view != View.Unknown) };
        var settled = QualityIssues.LabelMismatchView;
        var photoType = image.PhotoType;
        if (view != View.Unknown)
        {
            photoType = ViewNames.PhotoTypeOf(view);
            origins = origins with { PhotoType = LabelSource.Curator };
            settled |= QualityIssues.LabelMismatchPhotoType;
        }

        return image with { View = view, PhotoType = photoType, Origins = origins, Quality = Without(image.Quality, settled) };
    }

    /// <summary>
    /// A photo type with the view that goes with it: the current view when it is of that type (or unknown), else
    /// <paramref name="fallbackView"/> when it is, else unknown, so an interior photo never keeps an exterior view.
    /// </summary>
    public static VehicleImage WithPhotoType(VehicleImage image, PhotoType photoType, View fallbackView)
    {
        var view = Fits(image.View, photoType) ? image.View : Fits(fallbackView, photoType) ? fallbackView : View.Unknown;
        var curated = view == image.View ? image : WithView(image, view);
        return curated with
        {
            PhotoType = photoType,
            Origins = curated.Origins with { PhotoType = LabelSource.Curator },
            Quality = Without(curated.Quality, QualityIssues.LabelMismatchPhotoType),
        };
    }

    /// <summary>The colour as named ("Glacier White") and its generic colour; both null for unknown.</summary>
    public static VehicleImage WithColour(VehicleImage image, string? colourName, GenericColour? colour) => image with
    {
        ColourName = colourName,
        Colour = colour,
        Origins = image.Origins with { Colour = Decided(colour is not null) },
        Quality = Without(image.Quality, QualityIssues.LabelMismatchColour),
    };

    /// <summary>"good" clears every issue; "bad" adds <see cref="QualityIssues.MarkedBad"/>. Either is the curator's verdict.</summary>
    public static VehicleImage WithVerdict(VehicleImage image, bool good) => image with
    {
        Quality = good ? QualityVerdict.Good : image.Quality with { Issues = image.Quality.Issues | QualityIssues.MarkedBad },
        Origins = image.Origins with { Verdict = LabelSource.Curator },
    };

    private static bool Fits(View view, PhotoType photoType) => view == View.Unknown || ViewNames.PhotoTypeOf(view) == photoType;

    private static LabelSource Decided(bool known) => known ? LabelSource.Curator : LabelSource.None;

    private static QualityVerdict Without(QualityVerdict quality, QualityIssues settled) => quality with { Issues = quality.Issues & ~settled };
}
