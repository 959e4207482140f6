using VehicleImages.Application.Demo.Raster;

namespace VehicleImages.Application.Demo.Vehicles;

/// <summary>
/// The body as functions of a side-view point (x, z): how wide the car is there, seen from above with its
/// corners rounded, and where the waist runs, above which the glasshouse leans inward. Every panel is placed
/// through these, so panels that meet share their edges exactly.
/// </summary>
internal sealed class BodyGeometry
{
    private readonly double _waistStartX;
    private readonly double _waistStartZ;
    private readonly double _waistSlope;

    public BodyGeometry(BodyShape shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        Shape = shape;
        Segments = [.. shape.Profile.Select(segment => segment with
        {
            Points = Outlines.Smooth([.. segment.Points.Select(p => new Point2(shape.X(p.X), p.Y))]),
        })];

        var roofLine = Segments.Where(segment => segment.IsGreenhouse).ToList();
        var (start, end) = (roofLine[0].Points[0], roofLine[^1].Points[^1]);
        (_waistStartX, _waistStartZ, _waistSlope) = (start.X, start.Y, (end.Y - start.Y) / (end.X - start.X));
    }

    public BodyShape Shape { get; }

    /// <summary>The profile, smoothed, with points as (x, z) in the car's space.</summary>
    public IReadOnlyList<ProfileSegment> Segments { get; }

    public ProfileSegment Segment(SurfaceKind kind) => Segments.First(segment => segment.Kind == kind);

    public double WaistAt(double x) => _waistStartZ + ((x - _waistStartX) * _waistSlope);

    /// <summary>Half the body's width at x: full in the middle, rounded in toward the nose and the tail.</summary>
    public double HalfWidth(double x)
    {
        var (half, depth) = (Shape.Width / 2, Shape.CornerDepth);
        var intoNose = Math.Clamp((x - ((Shape.Length / 2) - depth)) / depth, 0, 1);
        var intoTail = Math.Clamp((((-Shape.Length) / 2) + depth - x) / depth, 0, 1);
        return half - (Shape.NoseRounding * Corner(intoNose)) - (Shape.TailRounding * Corner(intoTail));
    }

    /// <summary>A point on the lower body's side; side is 1 for the car's left, -1 for its right.</summary>
    public Point3 OnSide(double x, double z, double side) => new(x, side * HalfWidth(x), z);

    /// <summary>A point on the glasshouse's side, which leans in above the waist.</summary>
    public Point3 OnGlasshouse(double x, double z, double side) =>
        new(x, side * (HalfWidth(x) - (Shape.Tumblehome * Math.Max(0, z - WaistAt(x)))), z);

    /// <summary>A point on a surface that spans the car, <paramref name="across"/> from -1 (right edge) to 1 (left edge).</summary>
    public Point3 Across(ProfileSegment segment, double x, double z, double across) =>
        segment.IsGreenhouse ? OnGlasshouse(x, z, across) : OnSide(x, z, across);

    // A quarter ellipse seen from above: the corner turns in gently, then sharply at the very tip.
    private static double Corner(double into) => 1 - Math.Sqrt(1 - (into * into));
}
