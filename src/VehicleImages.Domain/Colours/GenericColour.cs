namespace VehicleImages.Domain.Colours;

/// <summary>The generic paint colours that searches match on; OEM names ("Glacier White") map onto one.</summary>
public enum GenericColour
{
    Black = 1,
    White = 2,
    Silver = 3,
    Grey = 4,
    Blue = 5,
    Red = 6,
    Green = 7,
    Brown = 8,
    Beige = 9,
    Gold = 10,
    Orange = 11,
    Purple = 12,
    Yellow = 13,
}
