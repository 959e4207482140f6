using VehicleImages.Domain.Colours;
using VehicleImages.Domain.Images;
using VehicleImages.Domain.Vehicles;

namespace VehicleImages.Domain.Search;

/// <summary>Configurations by names, all matched forgivingly; the optional ones narrow the search.</summary>
public sealed record ConfigurationSearch(string Make, string Model, int? Year = null, string? Trim = null, string? Body = null);

/// <summary>A configuration with the views and generic colours its good images really cover.</summary>
public sealed record ConfigurationSummary(VehicleConfiguration Configuration, IReadOnlySet<View> Views, IReadOnlySet<GenericColour> Colours);
