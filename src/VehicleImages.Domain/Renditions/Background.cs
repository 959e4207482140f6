namespace VehicleImages.Domain.Renditions;

/// <summary>Opaque flattens onto white; Transparent keeps the alpha channel; Cutout removes a plain studio background.</summary>
public enum Background
{
    Opaque = 1,
    Transparent = 2,

    /// <summary>A photo without alpha with its plain background removed, when clean enough; otherwise opaque.</summary>
    Cutout = 3,
}
