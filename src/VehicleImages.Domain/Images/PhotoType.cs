namespace VehicleImages.Domain.Images;

/// <summary>What part of the vehicle a photo shows, as CarsXE's photoType names it.</summary>
public enum PhotoType
{
    Exterior = 0,
    Interior = 1,
    Engine = 2,
}
