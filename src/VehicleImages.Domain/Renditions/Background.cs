namespace VehicleImages.Domain.Renditions;

/// <summary>Opaque flattens onto white; Transparent keeps the alpha channel.</summary>
public enum Background
{
    Opaque = 1,
    Transparent = 2,
}
