using VehicleImages.Application.Demo.Raster;

namespace VehicleImages.Application.Demo.Vehicles;

/// <summary>The side of the glasshouse above the waist, leaning inward: the side glass and the pillars that divide it.</summary>
internal static class GlasshouseSide
{
    /// <summary>The glasshouse's left side with its glass, pillars, a reflection and the mirror's mounting.</summary>
    public static Panel Build(BodyGeometry body)
    {
        var roofLine = body.Segments.Where(segment => segment.IsGreenhouse).SelectMany(segment => segment.Points).ToList();
        var panel = Panel.Facing(OnGlasshouse(body, roofLine), new Point3(0, 1, 0), Finish.Paint);
        var window = body.Shape.SideWindow.Select(p => new Point2(body.Shape.X(p.X), p.Y)).ToList();
        var decals = new List<Panel> { panel.Decal(OnGlasshouse(body, window), Finish.Glass) };
        var (front, low, high) = (window.Max(p => p.X), window.Min(p => p.Y), window.Max(p => p.Y));
        var streak = Outlines.Clip(window, Outlines.SlantedBand(front - 0.55, low, high, 0.35));
        if (streak.Count >= 3)
        {
            decals.Add(panel.Decal(OnGlasshouse(body, streak), Finish.Reflection));
        }

        foreach (var (back, width) in body.Shape.Pillars)
        {
            var x = body.Shape.X(back);
            var pillar = Outlines.ClipToBand(window, x - (width / 2), x + (width / 2));
            decals.Add(panel.Decal(OnGlasshouse(body, pillar), Finish.BlackTrim));
        }

        // The black triangle the door mirror stands on, in the window's front corner.
        var corner = window.MaxBy(p => p.X - p.Y);
        var sail = Outlines.Clip(window, [corner, corner + new Point2(0, 0.12), corner + new Point2(-0.16, 0)]);
        if (sail.Count >= 3)
        {
            decals.Add(panel.Decal(OnGlasshouse(body, sail), Finish.BlackTrim));
        }

        return panel with { Decals = decals };
    }

    private static Point3[] OnGlasshouse(BodyGeometry body, IReadOnlyList<Point2> outline) =>
        [.. SurfaceStrip.Densify(outline, 0.05).Select(p => body.OnGlasshouse(p.X, p.Y, 1))];
}
