namespace VehicleImages.Application.Demo.Raster;

/// <summary>
/// Closed outlines as point lists, in whatever plane the caller works in: the canvas, or a panel's own
/// coordinates before it is placed in 3D. Every outline winds the same way as the angles grow.
/// </summary>
internal static class Outlines
{
    public static Point2[] Ellipse(Point2 centre, double radiusX, double radiusY, int segments = 96)
    {
        var points = new Point2[segments];
        for (var i = 0; i < segments; i++)
        {
            var angle = 2 * Math.PI * i / segments;
            points[i] = new Point2(centre.X + (radiusX * Math.Cos(angle)), centre.Y + (radiusY * Math.Sin(angle)));
        }

        return points;
    }

    public static Point2[] Circle(Point2 centre, double radius, int segments = 96) => Ellipse(centre, radius, radius, segments);

    public static Point2[] Rectangle(double left, double top, double right, double bottom) =>
        [new(left, top), new(right, top), new(right, bottom), new(left, bottom)];

    /// <summary>A rectangle whose corners are quarter circles of the given radius (clamped to half the shorter side).</summary>
    public static Point2[] RoundedRectangle(double left, double top, double right, double bottom, double radius, int cornerSegments = 8)
    {
        radius = Math.Min(radius, Math.Min(right - left, bottom - top) / 2);
        if (radius <= 0)
        {
            return Rectangle(left, top, right, bottom);
        }

        Point2[] centres = [new(right - radius, bottom - radius), new(left + radius, bottom - radius), new(left + radius, top + radius), new(right - radius, top + radius)];
        var points = new List<Point2>(4 * (cornerSegments + 1));
        for (var corner = 0; corner < 4; corner++)
        {
            for (var i = 0; i <= cornerSegments; i++)
            {
                var angle = (Math.PI / 2 * corner) + (Math.PI / 2 * i / cornerSegments);
                points.Add(new Point2(centres[corner].X + (radius * Math.Cos(angle)), centres[corner].Y + (radius * Math.Sin(angle))));
            }
        }

        return [.. points];
    }

    /// <summary>A band leaning forward as it rises, from one height to another: a streak of light reflected in glass.</summary>
    public static Point2[] SlantedBand(double x, double bottom, double top, double width)
    {
        var lean = (top - bottom) * 0.6;
        return [new(x, bottom), new(x + width, bottom), new(x + width + lean, top), new(x + lean, top)];
    }

    /// <summary>Points on a circular arc from one angle to another (radians), both ends included.</summary>
    public static IEnumerable<Point2> Arc(Point2 centre, double radius, double fromAngle, double toAngle, int segments)
    {
        for (var i = 0; i <= segments; i++)
        {
            var angle = fromAngle + ((toAngle - fromAngle) * i / segments);
            yield return new Point2(centre.X + (radius * Math.Cos(angle)), centre.Y + (radius * Math.Sin(angle)));
        }
    }

    /// <summary>
    /// Corner cutting (Chaikin): rounds an open polyline while keeping its two end points, so that a curve can be
    /// given as a few control points.
    /// </summary>
    public static IReadOnlyList<Point2> Smooth(IReadOnlyList<Point2> points, int iterations = 3)
    {
        var current = points;
        for (var iteration = 0; iteration < iterations && current.Count > 2; iteration++)
        {
            var next = new List<Point2>((current.Count * 2) + 1) { current[0] };
            var last = current.Count - 2;
            for (var i = 0; i <= last; i++)
            {
                if (i != 0)
                {
                    next.Add(Point2.Lerp(current[i], current[i + 1], 0.25));
                }

                if (i != last)
                {
                    next.Add(Point2.Lerp(current[i], current[i + 1], 0.75));
                }
            }

            next.Add(current[^1]);
            current = next;
        }

        return current;
    }

    /// <summary>
    /// The part of a polygon inside a convex one (Sutherland–Hodgman, one clipping edge at a time): cuts one side
    /// panel into slices, a pillar's width out of a window, a reflection to the glass it lies on.
    /// </summary>
    public static IReadOnlyList<Point2> Clip(IReadOnlyList<Point2> polygon, IReadOnlyList<Point2> convex)
    {
        var winding = Math.Sign(SignedArea(convex));
        IReadOnlyList<Point2> result = polygon;
        for (var i = 0; i < convex.Count && result.Count > 0; i++)
        {
            var (from, to) = (convex[i], convex[(i + 1) % convex.Count]);
            double Side(Point2 p) => winding * Cross(from, to, p);
            var kept = new List<Point2>();
            for (var k = 0; k < result.Count; k++)
            {
                var (current, previous) = (result[k], result[(k + result.Count - 1) % result.Count]);
                var (currentSide, previousSide) = (Side(current), Side(previous));
                if ((currentSide >= 0) != (previousSide >= 0))
                {
                    kept.Add(Point2.Lerp(previous, current, previousSide / (previousSide - currentSide)));
                }

                if (currentSide >= 0)
                {
                    kept.Add(current);
                }
            }

            result = kept;
        }

        return result;
    }

    /// <summary>The part of a polygon between two vertical lines.</summary>
    public static IReadOnlyList<Point2> ClipToBand(IReadOnlyList<Point2> polygon, double minX, double maxX)
    {
        if (polygon.Count == 0)
        {
            return polygon;
        }

        var (bottom, top) = (polygon.Min(p => p.Y) - 1, polygon.Max(p => p.Y) + 1);
        return Clip(polygon, Rectangle(minX, bottom, maxX, top));
    }

    /// <summary>Twice the signed area (shoelace): its sign tells the winding.</summary>
    public static double SignedArea(IReadOnlyList<Point2> outline)
    {
        var sum = 0d;
        for (int i = 0, j = outline.Count - 1; i < outline.Count; j = i++)
        {
            sum += (outline[j].X * outline[i].Y) - (outline[i].X * outline[j].Y);
        }

        return sum;
    }

    /// <summary>The convex hull (Andrew's monotone chain), for the outline of a tyre seen at an angle.</summary>
    public static Point2[] ConvexHull(IEnumerable<Point2> points)
    {
        var sorted = points.Distinct().OrderBy(p => p.X).ThenBy(p => p.Y).ToArray();
        if (sorted.Length < 3)
        {
            return sorted;
        }

        var hull = new Point2[sorted.Length * 2];
        var k = 0;
        foreach (var p in sorted)
        {
            while (k >= 2 && Cross(hull[k - 2], hull[k - 1], p) <= 0)
            {
                k--;
            }

            hull[k++] = p;
        }

        for (int i = sorted.Length - 2, lower = k + 1; i >= 0; i--)
        {
            while (k >= lower && Cross(hull[k - 2], hull[k - 1], sorted[i]) <= 0)
            {
                k--;
            }

            hull[k++] = sorted[i];
        }

        return hull[..(k - 1)];
    }

    private static double Cross(Point2 o, Point2 a, Point2 b) => ((a.X - o.X) * (b.Y - o.Y)) - ((a.Y - o.Y) * (b.X - o.X));
}
