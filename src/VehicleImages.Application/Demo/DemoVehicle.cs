using VehicleImages.Application.Demo.Raster;
using VehicleImages.Application.Demo.Vehicles;

namespace VehicleImages.Application.Demo;

/// <summary>A paint colour by its maker's name, which ingest maps to a generic colour ("Firenze Red" is Red).</summary>
internal sealed record DemoColour(string Name, Rgba Paint)
{
    public static DemoColour Of(string name, byte r, byte g, byte b) => new(name, Rgba.FromBytes(r, g, b));
}

/// <summary>One vehicle of the demo library: its labels as a manifest gives them, how it is drawn, and in which colours.</summary>
internal sealed record DemoVehicle(string Make, string Model, string Year, string Trim, string Body, BodyStyle Style)
{
    public required IReadOnlyList<DemoColour> Colours { get; init; }

    /// <summary>Colours also drawn on a transparent background, as cut-outs are.</summary>
    public IReadOnlyList<DemoColour> TransparentColours { get; init; } = [];
}
