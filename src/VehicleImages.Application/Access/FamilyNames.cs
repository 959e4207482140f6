using VehicleImages.Domain.Keys;

namespace VehicleImages.Application.Access;

/// <summary>How families are named to people.</summary>
public static class FamilyNames
{
    public static string Of(ApiFamily family) => family switch
    {
        ApiFamily.CarsXe => "CarsXE",
        ApiFamily.AutoDev => "auto.dev",
        ApiFamily.OneAuto => "OneAuto",
        _ => "native",
    };
}
