namespace VehicleImages.Imaging.Tests.Cutout;

/// <summary>The plain backgrounds a car is pasted onto to test the cut-out: the studio shots it is meant for.</summary>
public enum StudioBackdrop
{
    White,
    LightGrey,
    Gradient,
    WhiteWithShadow,
}
