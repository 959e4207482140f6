using VehicleImages.Application.Demo.Raster;

namespace VehicleImages.Application.Demo.Vehicles;

/// <summary>
/// A surface that spans the car from side to side along one profile segment (bonnet, windscreen, a bumper face),
/// with coordinates for placing decals on it: along it from its lower end (0) to its upper end (1), and across it
/// from the right edge (-1) to the left edge (1).
/// </summary>
internal sealed class SurfaceStrip
{
    private readonly BodyGeometry _body;
    private readonly ProfileSegment _segment;
    private readonly IReadOnlyList<Point2> _lowToHigh;
    private readonly double[] _distances;

    public SurfaceStrip(BodyGeometry body, ProfileSegment segment)
    {
        (_body, _segment) = (body, segment);
        var points = segment.Points;
        _lowToHigh = points[0].Y <= points[^1].Y ? points : [.. points.Reverse()];
        _distances = new double[_lowToHigh.Count];
        for (var i = 1; i < _lowToHigh.Count; i++)
        {
            _distances[i] = _distances[i - 1] + (_lowToHigh[i] - _lowToHigh[i - 1]).Length;
        }
    }

    /// <summary>The whole strip as one panel, turned to face <paramref name="outward"/>.</summary>
    public Panel AsPanel(Point3 outward, Finish finish)
    {
        var left = _segment.Points.Select(p => _body.Across(_segment, p.X, p.Y, 1));
        var right = _segment.Points.Reverse().Select(p => _body.Across(_segment, p.X, p.Y, -1));
        return Panel.Facing([.. left, .. right], outward, finish);
    }

    /// <summary>The point at a fraction of the way up the strip and across it.</summary>
    public Point3 At(double across, double along)
    {
        var target = Math.Clamp(along, 0, 1) * _distances[^1];
        var i = 1;
        while (i < _distances.Length - 1 && _distances[i] < target)
        {
            i++;
        }

        var span = Math.Max(_distances[i] - _distances[i - 1], 1e-9);
        var p = Point2.Lerp(_lowToHigh[i - 1], _lowToHigh[i], (target - _distances[i - 1]) / span);
        return _body.Across(_segment, p.X, p.Y, Math.Clamp(across, -1, 1));
    }

    /// <summary>An outline in the strip's own coordinates (X across, Y along), placed on the strip.</summary>
    public IReadOnlyList<Point3> Place(IReadOnlyList<Point2> outline) =>
        [.. Densify(outline, 0.04).Select(p => At(p.X, p.Y))];

    /// <summary>The inner part of the strip, leaving a margin of the panel around it (glass inside its frame).</summary>
    public IReadOnlyList<Point3> Inset(double across, double fromLowEnd, double fromHighEnd) =>
        Place(Outlines.Rectangle(-across, fromLowEnd, across, 1 - fromHighEnd));

    /// <summary>Splits long edges so that an outline laid on a curved surface follows the curve.</summary>
    public static IReadOnlyList<Point2> Densify(IReadOnlyList<Point2> outline, double step)
    {
        var points = new List<Point2>();
        for (var i = 0; i < outline.Count; i++)
        {
            var (a, b) = (outline[i], outline[(i + 1) % outline.Count]);
            var pieces = Math.Max(1, (int)Math.Ceiling((b - a).Length / step));
            for (var k = 0; k < pieces; k++)
            {
                points.Add(Point2.Lerp(a, b, (double)k / pieces));
            }
        }

        return points;
    }
}
