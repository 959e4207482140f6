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

    /// <summary>The vision stage is confident the view is not the one the image was labelled with.</summary>
    LabelMismatchView = 64,

    /// <summary>The vision stage is confident the body colour is not the labelled one.</summary>
    LabelMismatchColour = 128,

    /// <summary>The vision stage is confident the photo type (exterior, interior, engine) is not the labelled one.</summary>
    LabelMismatchPhotoType = 256,
}
