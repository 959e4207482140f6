namespace VehicleImages.Application.Demo.Vehicles;

/// <summary>The silhouettes the demo can draw.</summary>
internal enum BodyStyle
{
    Sedan,
    Suv,
    Hatchback,
    Pickup,
}
