namespace VehicleImages.Domain.Keys;

/// <summary>The API families a plan can include; each answers refusals in its own envelope.</summary>
public enum ApiFamily
{
    CarsXe = 1,
    AutoDev = 2,
    OneAuto = 3,
    Native = 4,
}
