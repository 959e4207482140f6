using VehicleImages.Application.Demo.Raster;

namespace VehicleImages.Application.Demo.Vehicles;

/// <summary>
/// Builds a car from its shape: the surfaces that span it (bumper faces, bonnet, glass, roof, boot or bed), the
/// two sides, the wheels and the door mirrors. The left side is built once and mirrored, so the car is symmetric.
/// </summary>
internal static class BodyBuilder
{
    public static VehicleModel Build(BodyShape shape)
    {
        var body = new BodyGeometry(shape);
        var left = new List<Panel>(SidePanels.LowerBody(body)) { GlasshouseSide.Build(body) };
        var leftWells = SidePanels.WheelWells(body);
        var leftMirror = DoorMirror(body);

        var wheels = new List<Wheel>();
        foreach (var x in (double[])[shape.FrontAxle, shape.RearAxle])
        {
            foreach (var side in (double[])[1, -1])
            {
                var outer = side * (body.HalfWidth(x) - 0.035);
                wheels.Add(new Wheel(x, side, outer, shape.WheelRadius, shape.WheelRadius * shape.RimRatio, shape.TyreWidth, shape.Spokes));
            }
        }

        var (halfLength, halfWidth) = ((shape.Length / 2) - 0.12, (shape.Width / 2) - 0.02);
        return new VehicleModel(
            [.. Surfaces(body), .. left, .. left.Select(panel => panel.Mirrored())],
            [.. leftWells, .. leftWells.Select(panel => panel.Mirrored())],
            wheels,
            [leftMirror, new Attachment([.. leftMirror.Faces.Select(face => face.Mirrored())])],
            [new(halfLength, halfWidth, 0), new(-halfLength, halfWidth, 0), new(-halfLength, -halfWidth, 0), new(halfLength, -halfWidth, 0)]);
    }

    private static IEnumerable<Panel> Surfaces(BodyGeometry body)
    {
        foreach (var segment in body.Segments)
        {
            var strip = new SurfaceStrip(body, segment);
            var panel = strip.AsPanel(Outward(segment.Kind), Finish.Paint);
            yield return panel with { Decals = [.. Decals(segment.Kind, strip, body.Shape).Select(decal => panel.Decal(decal.Outline, decal.Finish))] };
        }
    }

    private static Point3 Outward(SurfaceKind kind) => kind switch
    {
        SurfaceKind.Front => new Point3(1, 0, 0),
        SurfaceKind.Rear or SurfaceKind.CabBack => new Point3(-1, 0, 0),
        _ => Point3.Up,
    };

    private static IEnumerable<(IReadOnlyList<Point3> Outline, Finish Finish)> Decals(SurfaceKind kind, SurfaceStrip strip, BodyShape shape)
    {
        switch (kind)
        {
            case SurfaceKind.Front or SurfaceKind.Rear:
                foreach (var decal in kind == SurfaceKind.Front ? shape.FrontDecals : shape.RearDecals)
                {
                    yield return (strip.Place(decal.Outline), decal.Finish);
                    if (decal.Paired)
                    {
                        yield return (strip.Place([.. decal.Outline.Select(p => p with { X = -p.X })]), decal.Finish);
                    }
                }

                break;
            case SurfaceKind.Windscreen:
                var glass = Outlines.Rectangle(-0.90, 0.02, 0.90, 0.97);
                yield return (strip.Place(glass), Finish.Glass);
                yield return (strip.Place(Outlines.Clip(Outlines.SlantedBand(-0.35, 0, 1, 0.28), glass)), Finish.Reflection);
                yield return (strip.Place(Outlines.Clip(Outlines.SlantedBand(0.05, 0, 1, 0.10), glass)), Finish.Reflection);
                break;
            case SurfaceKind.RearWindow:
                yield return (strip.Inset(across: 0.86, fromLowEnd: 0.05, fromHighEnd: 0.04), Finish.Glass);
                break;
            case SurfaceKind.CabBack:
                yield return (strip.Place(Outlines.RoundedRectangle(-0.55, 0.40, 0.55, 0.85, 0.05)), Finish.Glass);
                break;
            case SurfaceKind.Bed:
                yield return (strip.Inset(across: 0.93, fromLowEnd: 0.015, fromHighEnd: 0.015), Finish.BedLiner);
                break;
        }
    }

    // A wedge standing off the door's shoulder at the foot of the windscreen pillar, taller where it meets the
    // door than at its outer end; its glass faces backward.
    private static Attachment DoorMirror(BodyGeometry body)
    {
        var width = body.Shape.Width;
        var front = body.Segments.First(segment => segment.IsGreenhouse).Points[0].X - 0.12;
        var (back, bottom) = (front - (0.085 * width), body.WaistAt(front) - 0.03);
        var (inner, outer) = (body.HalfWidth(front) - 0.05, body.HalfWidth(front) + (0.12 * width));
        var (innerTop, outerTop, outerBottom, outerFront) = (bottom + (0.065 * width), bottom + (0.058 * width), bottom + (0.012 * width), front - (0.025 * width));

        Point3 P(double x, double y, double z) => new(x, y, z);
        Panel Face(Point3[] outline, Point3 outward, Finish finish) => Panel.Facing(outline, outward, finish);
        return new Attachment(
        [
            Face([P(front, inner, bottom), P(outerFront, outer, outerBottom), P(outerFront, outer, outerTop), P(front, inner, innerTop)], new Point3(1, 0.4, 0), Finish.Paint),
            Face([P(back, outer, outerBottom), P(outerFront, outer, outerBottom), P(outerFront, outer, outerTop), P(back, outer, outerTop)], new Point3(0, 1, 0), Finish.Paint),
            Face([P(back, inner, innerTop), P(front, inner, innerTop), P(outerFront, outer, outerTop), P(back, outer, outerTop)], Point3.Up, Finish.Paint),
            Face([P(back, inner, bottom), P(back, outer, outerBottom), P(back, outer, outerTop), P(back, inner, innerTop)], new Point3(-1, 0, 0), Finish.Glass),
            Face([P(back, inner, bottom), P(front, inner, bottom), P(outerFront, outer, outerBottom), P(back, outer, outerBottom)], -Point3.Up, Finish.BlackTrim),
        ]);
    }
}
