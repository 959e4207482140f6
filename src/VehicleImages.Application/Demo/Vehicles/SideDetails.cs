using VehicleImages.Application.Demo.Raster;

namespace VehicleImages.Application.Demo.Vehicles;

/// <summary>What sits on the lower body's side: black cladding on SUVs and trucks, door handles, and the lamps wrapping round the corners.</summary>
internal static class SideDetails
{
    private const double CladdingWidth = 0.07;

    /// <summary>The details on the lower body's left side, as outlines in the side view (x, z).</summary>
    public static IEnumerable<(IReadOnlyList<Point2> Outline, Finish Finish)> For(BodyGeometry body)
    {
        var shape = body.Shape;
        if (shape.Cladding)
        {
            foreach (var x in (double[])[shape.FrontAxle, shape.RearAxle])
            {
                var inner = SidePanels.Arch(body, x, shape.WheelRadius + SidePanels.ArchGap).ToList();
                var outer = SidePanels.Arch(body, x, shape.WheelRadius + SidePanels.ArchGap + CladdingWidth).Reverse();
                yield return ([.. inner, .. outer], Finish.BlackTrim);
            }

            var (tail, nose) = (body.Segments[^1].Points[^1].X, body.Segments[0].Points[0].X);
            var (rearReach, frontReach) = (ArchReach(body, shape.RearAxle), ArchReach(body, shape.FrontAxle));
            yield return (SillStrip(body, tail, shape.RearAxle - rearReach), Finish.BlackTrim);
            yield return (SillStrip(body, shape.RearAxle + rearReach, shape.FrontAxle - frontReach), Finish.BlackTrim);
            yield return (SillStrip(body, shape.FrontAxle + frontReach, nose), Finish.BlackTrim);
        }

        foreach (var handle in shape.DoorHandles)
        {
            var x = shape.X(handle.X);
            yield return (Outlines.RoundedRectangle(x - 0.075, handle.Y - 0.017, x + 0.075, handle.Y + 0.017, 0.017), Finish.PanelGap);
        }

        foreach (var wrap in LampWraps(body))
        {
            yield return wrap;
        }
    }

    // How far along the sill the cladding round an arch reaches either side of the axle.
    private static double ArchReach(BodyGeometry body, double x)
    {
        var radius = body.Shape.WheelRadius + SidePanels.ArchGap + CladdingWidth;
        var rise = Math.Clamp((SidePanels.SillAt(body, x) - body.Shape.WheelRadius) / radius, -0.95, 0.95);
        return radius * Math.Sqrt(1 - (rise * rise));
    }

    // A strip of cladding along the sill between two points, rising from the sill line.
    private static Point2[] SillStrip(BodyGeometry body, double fromX, double toX)
    {
        var (start, end) = (SidePanels.SillAt(body, fromX), SidePanels.SillAt(body, toX));
        return [new(fromX, start), new(toX, end), new(toX, end + 0.09), new(fromX, start + 0.09)];
    }

    // Head and tail lamps wrap around the corners, so the side view shows which end is which.
    private static IEnumerable<(IReadOnlyList<Point2> Outline, Finish Finish)> LampWraps(BodyGeometry body)
    {
        var shape = body.Shape;
        var headlight = shape.FrontDecals.First(decal => decal.Finish == Finish.LampHousing);
        var taillight = shape.RearDecals.First(decal => decal.Finish == Finish.Taillight);
        var headlightWrap = Wrap(new SurfaceStrip(body, body.Segment(SurfaceKind.Front)), headlight, -1, shape.Width);
        yield return (headlightWrap, Finish.LampHousing);
        yield return (Shrunk(headlightWrap, 0.012), Finish.Headlight);
        yield return (Wrap(new SurfaceStrip(body, body.Segment(SurfaceKind.Rear)), taillight, 1, shape.Width), Finish.Taillight);
    }

    // The lamp's outer edge on the face, carried back along the side by about half the lamp's width.
    private static Point2[] Wrap(SurfaceStrip face, FaceDecal lamp, double backward, double carWidth)
    {
        var outerX = lamp.Outline.Max(p => p.X);
        var edge = lamp.Outline.Where(p => p.X >= outerX - 0.08).ToList();
        var (low, high) = (face.At(1, edge.Min(p => p.Y)), face.At(1, edge.Max(p => p.Y)));
        var depth = 0.25 * (outerX - lamp.Outline.Min(p => p.X)) * carWidth;
        return
        [
            new(low.X, low.Z), new(high.X, high.Z),
            new(high.X + (backward * depth), high.Z - 0.01), new(low.X + (backward * depth * 0.75), low.Z + 0.01),
        ];
    }

    // The outline moved toward its middle by about the given distance: a lens inside its housing.
    private static Point2[] Shrunk(IReadOnlyList<Point2> outline, double by)
    {
        var centre = new Point2(outline.Average(p => p.X), outline.Average(p => p.Y));
        return [.. outline.Select(p => p - ((p - centre) * (by / Math.Max((p - centre).Length, 1e-9))))];
    }
}
