using VehicleImages.Domain.Images;
using VehicleImages.Domain.Vehicles;

namespace VehicleImages.Domain.Search;

/// <summary>An image found by a search, with the configuration it depicts.</summary>
public sealed record ImageMatch(VehicleImage Image, VehicleConfiguration Configuration);
