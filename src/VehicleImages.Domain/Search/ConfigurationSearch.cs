using VehicleImages.Domain.Colours;
using VehicleImages.Domain.Images;
using VehicleImages.Domain.Vehicles;

namespace VehicleImages.Domain.Search;

/// <summary>Configurations by names, all matched forgivingly; the optional ones narrow the search.</summary>
public sealed record ConfigurationSearch(string Make, string Model, int? Year = null, string? Trim = null, string? Body = null);

/// <summary>One view in one generic colour (null when the image's colour is unknown) that good images show.</summary>
public readonly record struct ImageCoverage(View View, GenericColour? Colour);

/// <summary>
/// A configuration with each view and colour pair its good images really show: kept as pairs, because a colour
/// held in one view says nothing about the others.
/// </summary>
public sealed record ConfigurationSummary(VehicleConfiguration Configuration, IReadOnlySet<ImageCoverage> Coverage);
