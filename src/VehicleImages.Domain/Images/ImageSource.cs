namespace VehicleImages.Domain.Images;

/// <summary>Where an image comes from: studio stock, a dealer's retail listing, a wholesale auction, or a press kit.</summary>
public enum ImageSource
{
    Stock = 0,
    Retail = 1,
    Wholesale = 2,
    Press = 3,
}
