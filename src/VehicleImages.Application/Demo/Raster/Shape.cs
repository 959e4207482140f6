namespace VehicleImages.Application.Demo.Raster;

/// <summary>
/// Closed contours on the canvas filled by the non-zero rule: overlapping contours wound alike merge, as a
/// stroke's segments do, and a contour wound the other way inside another cuts a hole.
/// </summary>
internal sealed class Shape
{
    public Shape(IReadOnlyList<IReadOnlyList<Point2>> contours)
    {
        Contours = contours;
    }

    public IReadOnlyList<IReadOnlyList<Point2>> Contours { get; }

    public static Shape Polygon(IReadOnlyList<Point2> outline) => new([outline]);

    /// <summary>A polyline drawn with a pen of the given width: one quad per segment and a disc at each joint.</summary>
    public static Shape Stroke(IReadOnlyList<Point2> polyline, double width)
    {
        var half = width / 2;
        var contours = new List<IReadOnlyList<Point2>>();
        for (var i = 0; i + 1 < polyline.Count; i++)
        {
            var (a, b) = (polyline[i], polyline[i + 1]);
            var along = b - a;
            if (along.Length < 1e-9)
            {
                continue;
            }

            var normal = new Point2(-along.Y, along.X) * (half / along.Length);
            contours.Add(Wound([a + normal, b + normal, b - normal, a - normal]));
        }

        for (var i = 1; i + 1 < polyline.Count; i++)
        {
            contours.Add(Wound(Outlines.Circle(polyline[i], half, 12)));
        }

        return new(contours);
    }

    public (double Left, double Top, double Right, double Bottom) Bounds()
    {
        var (left, top, right, bottom) = (double.MaxValue, double.MaxValue, double.MinValue, double.MinValue);
        foreach (var contour in Contours)
        {
            foreach (var p in contour)
            {
                (left, top, right, bottom) = (Math.Min(left, p.X), Math.Min(top, p.Y), Math.Max(right, p.X), Math.Max(bottom, p.Y));
            }
        }

        return (left, top, right, bottom);
    }

    // Every stroke piece wound the same way, so that where two overlap the non-zero rule fills them once.
    private static Point2[] Wound(Point2[] outline) => Outlines.SignedArea(outline) < 0 ? [.. outline.Reverse()] : outline;
}
