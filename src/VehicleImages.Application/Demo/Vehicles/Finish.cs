namespace VehicleImages.Application.Demo.Vehicles;

/// <summary>What a part of the car is made of, which decides its colour and how light plays on it.</summary>
internal enum Finish
{
    Paint,
    Glass,
    BlackTrim,
    Chrome,
    Grille,
    Tyre,
    Sidewall,
    Rim,
    RimShadow,
    Hub,
    Headlight,
    LampHousing,
    DaytimeLight,
    Taillight,
    TaillightGlow,
    Plate,
    WheelWell,
    BedLiner,
    PanelGap,
    Reflection,
}
