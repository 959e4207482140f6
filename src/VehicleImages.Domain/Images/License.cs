namespace VehicleImages.Domain.Images;

/// <summary>What a user may do with an image, in CarsXE's (Bing's) five licence classes.</summary>
public enum License
{
    Public = 1,
    Share = 2,
    ShareCommercially = 3,
    Modify = 4,
    ModifyCommercially = 5,
}
