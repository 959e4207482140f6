using VehicleImages.Application.Demo.Raster;

namespace VehicleImages.Application.Demo.Vehicles;

/// <summary>Which surface a stretch of the centre-line profile is; the roof-line ones sit above the waist and lean in.</summary>
internal enum SurfaceKind
{
    Front,
    Hood,
    Windscreen,
    Roof,
    RearWindow,
    CabBack,
    Bed,
    Deck,
    Rear,
}

/// <summary>
/// One stretch of the car's centre-line profile, which runs from under the front bumper over the roof to under
/// the rear bumper. Points are (distance back from the front tip, height) in metres, control points of a rounded curve.
/// </summary>
internal sealed record ProfileSegment(SurfaceKind Kind, IReadOnlyList<Point2> Points)
{
    public bool IsGreenhouse => Kind is SurfaceKind.Windscreen or SurfaceKind.Roof or SurfaceKind.RearWindow or SurfaceKind.CabBack;

    public static ProfileSegment Of(SurfaceKind kind, params (double Back, double Height)[] points) =>
        new(kind, [.. points.Select(p => new Point2(p.Back, p.Height))]);
}
