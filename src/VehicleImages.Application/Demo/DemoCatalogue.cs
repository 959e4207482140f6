using VehicleImages.Application.Demo.Vehicles;

namespace VehicleImages.Application.Demo;

/// <summary>
/// What the demo library contains. The vehicles are the ones the three API families' own documentation uses as
/// examples, so a client following any of those documents finds pictures.
/// </summary>
/// <remarks>
/// Colours are chosen by lightness, because the near-duplicate check compares small grey copies: two colours of
/// one car must differ clearly in lightness, not only in hue, and so must any two cars whose outlines are alike
/// at that size (the coupé and the saloon from any side; the coupé and the SUV from behind). Levels used:
/// black, dark blue, red, grey, silver, white.
/// </remarks>
internal static class DemoCatalogue
{
    public static IReadOnlyList<DemoVehicle> Vehicles { get; } =
    [
        new("Jaguar", "F-PACE", "2019", "R-Sport", "SUV", BodyStyle.Suv)
        {
            Colours = [DemoColour.Of("Fuji White", 238, 239, 240), DemoColour.Of("Firenze Red", 212, 36, 40), DemoColour.Of("Santorini Black", 20, 21, 24)],
            TransparentColours = [DemoColour.Of("Firenze Red", 212, 36, 40)],
        },
        new("Ford", "F-150", "2023", "XLT", "Pickup", BodyStyle.Pickup)
        {
            // Only the lightest and darkest paint: the truck's face is mostly grille and chrome, so from the front
            // any two paints closer in lightness look alike.
            Colours = [DemoColour.Of("Oxford White", 240, 240, 238), DemoColour.Of("Agate Black", 22, 22, 24)],
            TransparentColours = [DemoColour.Of("Agate Black", 22, 22, 24)],
        },
        new("Audi", "TT", "2006-2014", "Coupe 2.0 TFSI", "Coupe", BodyStyle.Hatchback)
        {
            Colours = [DemoColour.Of("Ice Silver", 184, 188, 194), DemoColour.Of("Daytona Gray", 104, 108, 114)],
        },
        new("Toyota", "Corolla", "2021", "LE", "Sedan", BodyStyle.Sedan)
        {
            Colours = [DemoColour.Of("Super White", 242, 242, 240), DemoColour.Of("Blueprint", 30, 56, 112)],
        },
    ];
}
