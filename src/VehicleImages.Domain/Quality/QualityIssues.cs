namespace VehicleImages.Domain.Quality;

/// <summary>Why an image should not be served by default. Flags, because an image can have several.</summary>
[Flags]
public enum QualityIssues
{
    None = 0,
    TooSmall = 1,
    Blank = 2,
    Blurred = 4,
    NearDuplicate = 8,
    NotVehiclePhoto = 16,

    /// <summary>A curator judged the image unfit, whatever the measurements say.</summary>
    MarkedBad = 32,
}
