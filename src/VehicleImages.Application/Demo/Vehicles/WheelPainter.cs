using VehicleImages.Application.Demo.Raster;

namespace VehicleImages.Application.Demo.Vehicles;

/// <summary>
/// Draws a wheel: the tyre as the outline of a cylinder (so it has depth from any angle), then, if its face is
/// toward the camera, sidewall, rim, brake disc, spokes and hub.
/// </summary>
internal static class WheelPainter
{
    public static void Draw(ScenePainter painter, Wheel wheel)
    {
        var (camera, rim) = (painter.Camera, wheel.RimRadius);
        var tread = Outlines.ConvexHull(wheel.Circle(wheel.Radius).Concat(wheel.Circle(wheel.Radius, wheel.Width)).Select(painter.ToCanvas));
        var (_, top, _, bottom) = Shape.Polygon(tread).Bounds();
        var tyre = painter.Palette.Lit(Finish.Tyre, Point3.Up, camera);
        painter.Canvas.Fill(Shape.Polygon(tread), Paint.Vertical(top, bottom, (0, tyre.Times(1.5)), (1, tyre.Times(0.8))));
        if (!camera.Sees(wheel.HubCentre, wheel.OuterNormal))
        {
            return;
        }

        var face = wheel.OuterNormal;
        painter.Fill(wheel.Circle(wheel.Radius * 0.985), Finish.Sidewall, face);
        painter.Fill(wheel.Circle(rim, 0.01), Finish.Rim, face);
        painter.Fill(wheel.Circle(rim * 0.92, 0.02), Finish.RimShadow, face);
        painter.Fill(wheel.Circle(rim * 0.62, 0.06, 48), Finish.Hub, face);
        foreach (var spoke in Spokes(wheel))
        {
            painter.Fill(spoke, Finish.Rim, face);
        }

        painter.Fill(wheel.Circle(rim * 0.24, 0.01, 32), Finish.Rim, face);
        painter.Fill(wheel.Circle(rim * 0.10, 0.005, 24), Finish.BlackTrim, face);
    }

    // Spokes taper from the hub to the rim; many-spoke wheels get slimmer ones. The first points straight up, so
    // the left and right wheels are mirror images.
    private static IEnumerable<IReadOnlyList<Point3>> Spokes(Wheel wheel)
    {
        var rim = wheel.RimRadius;
        var slim = Math.Min(1, 5d / wheel.Spokes);
        var (inner, outer) = (rim * 0.2, rim * 0.93);
        var (innerHalf, outerHalf) = (rim * 0.12 * slim, rim * 0.075 * slim);
        for (var k = 0; k < wheel.Spokes; k++)
        {
            var angle = (Math.PI / 2) + (2 * Math.PI * k / wheel.Spokes);
            yield return
            [
                At(wheel, angle, inner, -innerHalf), At(wheel, angle, outer, -outerHalf),
                At(wheel, angle, outer, outerHalf), At(wheel, angle, inner, innerHalf),
            ];
        }
    }

    // A point along a spoke at some distance from the axle and some offset to its side.
    private static Point3 At(Wheel wheel, double angle, double along, double aside) =>
        wheel.OnFace(Math.Sqrt((along * along) + (aside * aside)), angle + Math.Atan2(aside, along), 0.015);
}
