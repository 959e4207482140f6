namespace VehicleImages.Application.Demo.Vehicles.Styles;

/// <summary>The shape drawn for each body style.</summary>
internal static class BodyShapes
{
    public static BodyShape For(BodyStyle style) => style switch
    {
        BodyStyle.Sedan => SedanShape.Shape,
        BodyStyle.Suv => SuvShape.Shape,
        BodyStyle.Hatchback => HatchbackShape.Shape,
        BodyStyle.Pickup => PickupShape.Shape,
        _ => throw new ArgumentOutOfRangeException(nameof(style), style, null),
    };
}
