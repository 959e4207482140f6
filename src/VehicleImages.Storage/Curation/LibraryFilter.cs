using VehicleImages.Domain.Colours;
using VehicleImages.Domain.Images;
using VehicleImages.Domain.Quality;
using VehicleImages.Domain.Vehicles;

namespace VehicleImages.Storage.Curation;

/// <summary>
/// Narrows the library for browsing. A null property does not filter. Fields an image may lack are asked for
/// "not set" with the type's empty value: <c>default</c> years, an empty trim, colour or licence 0.
/// </summary>
public sealed record LibraryFilter
{
    public static LibraryFilter All { get; } = new();

    /// <summary>Compared folded, as every lookup compares names ("f-pace" finds "F-PACE").</summary>
    public string? Make { get; init; }

    public string? Model { get; init; }

    /// <summary>The configuration's exact year range; <c>default</c> for configurations without years.</summary>
    public YearRange? Years { get; init; }

    /// <summary>Compared folded; "" for configurations without a trim.</summary>
    public string? Trim { get; init; }

    public View? View { get; init; }

    public PhotoType? PhotoType { get; init; }

    /// <summary>A generic colour; <c>(GenericColour)0</c> for images whose colour is not known.</summary>
    public GenericColour? Colour { get; init; }

    /// <summary>A licence class; <c>(License)0</c> for images whose licence is not known.</summary>
    public License? License { get; init; }

    public ImageSource? Source { get; init; }

    /// <summary><see cref="QualityIssues.None"/> for good images only; otherwise images with any of these issues.</summary>
    public QualityIssues? Quality { get; init; }

    /// <summary>Photos of one vehicle, by its VIN (upper case).</summary>
    public string? Vin { get; init; }
}
