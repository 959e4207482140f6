using VehicleImages.Domain.Colours;
using VehicleImages.Domain.Images;
using VehicleImages.Domain.Vision;

namespace VehicleImages.Vision.Training;

/// <summary>
/// One photo with whatever is known about it. Any label may be missing: a photo teaches only the heads it has
/// labels for.
/// </summary>
/// <param name="Source">Where to read the photo: a file path, or a library image's original.</param>
/// <param name="Group">Photos of one car share a group; cross-validation never splits a group.</param>
/// <param name="Domain">The kind of photo (the manifest's folder: carvana, stanford…), for the report's breakdown.</param>
/// <param name="Content">What the photo shows, when labelled.</param>
/// <param name="Views">The handed views that count as right: one, or two for a shot between two views.</param>
/// <param name="Angle">A CarsXE angle when only that is known ("side"): scored on the five angles, not trained on.</param>
/// <param name="Colour">The body colour, when labelled.</param>
/// <param name="Mask">A silhouette of the car (white on black), for the car-cell head.</param>
public sealed record LabelledPhoto(
    string Source,
    string Group,
    string Domain,
    ContentClass? Content = null,
    IReadOnlyList<View>? Views = null,
    string? Angle = null,
    GenericColour? Colour = null,
    string? Mask = null);
