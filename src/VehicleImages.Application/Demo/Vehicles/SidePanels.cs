using VehicleImages.Application.Demo.Raster;

namespace VehicleImages.Application.Demo.Vehicles;

/// <summary>The lower body of the car's left side, in slices, with its wheel arches; the details on it come from <see cref="SideDetails"/>.</summary>
internal static class SidePanels
{
    /// <summary>The gap between a tyre and its arch.</summary>
    public const double ArchGap = 0.05;

    private const double ShutLineWidth = 0.008;

    // Where the rounded corners are cut into slices, as shares of the corner's depth; finer toward the tip,
    // where the surface turns fastest. Each slice is shaded by its own direction, which makes the corner read round.
    private static readonly double[] CornerCuts = [0, 0.45, 0.7, 0.86, 0.95, 1];

    /// <summary>The lower body in slices, each with the decals and shut lines that fall on it.</summary>
    public static IEnumerable<Panel> LowerBody(BodyGeometry body)
    {
        var outline = LowerOutline(body);
        var band = (outline.Min(p => p.Y), outline.Max(p => p.Y));
        var decals = SideDetails.For(body).ToList();
        var lines = body.Shape.ShutLines.Select(line => line.Select(p => new Point2(body.Shape.X(p.X), p.Y)).ToList()).ToList();
        foreach (var (from, to) in Slices(body.Shape))
        {
            var piece = Outlines.ClipToBand(outline, from, to);
            if (piece.Count < 3)
            {
                continue;
            }

            var panel = Panel.Facing(OnSide(body, piece), new Point3(0, 1, 0), Finish.Paint) with { HorizonBand = band };
            yield return panel with
            {
                Decals = [.. decals
                    .Select(decal => (Outline: Outlines.ClipToBand(decal.Outline, from, to), decal.Finish))
                    .Where(decal => decal.Outline.Count >= 3)
                    .Select(decal => panel.Decal(OnSide(body, decal.Outline), decal.Finish))],
                Lines = [.. lines
                    .Where(line => line.Average(p => p.X) is var x && x >= from && x < to)
                    .Select(line => new PanelLine([.. line.Select(p => body.OnSide(p.X, p.Y, 1))], ShutLineWidth, Finish.PanelGap))],
            };
        }
    }

    /// <summary>
    /// The dark inside of each arch on the left, set just inside the body so the tyre is drawn over it. It is
    /// larger than the arch: seen at an angle, the opening shows a little of what is beside it.
    /// </summary>
    public static IReadOnlyList<Panel> WheelWells(BodyGeometry body)
    {
        var shape = body.Shape;
        return [.. ((double[])[shape.FrontAxle, shape.RearAxle]).Select(x =>
        {
            var y = body.HalfWidth(x) - 0.03;
            var well = Arch(body, x, shape.WheelRadius + ArchGap + 0.06);
            return new Panel([[.. well.Select(p => new Point3(p.X, y, p.Y))]], new Point3(0, 1, 0), Finish.WheelWell);
        })];
    }

    // The side profile: up the nose, along the bonnet, along the waist under the glasshouse, over the boot (or
    // bed) and down the tail, then forward along the sills, stepping up around each wheel arch.
    private static List<Point2> LowerOutline(BodyGeometry body)
    {
        var outline = new List<Point2>();
        var passedGlasshouse = false;
        foreach (var segment in body.Segments)
        {
            if (segment.IsGreenhouse)
            {
                passedGlasshouse = true;
                continue;
            }

            // Before the glasshouse every segment continues the last; after it, the waist joins them straight.
            outline.AddRange(outline.Count > 0 && !passedGlasshouse ? segment.Points.Skip(1) : segment.Points);
        }

        var shape = body.Shape;
        foreach (var x in (double[])[shape.RearAxle, shape.FrontAxle])
        {
            outline.AddRange(Arch(body, x, shape.WheelRadius + ArchGap));
        }

        return outline;
    }

    /// <summary>The arch over a wheel, from where it leaves the sill line behind the wheel to where it meets it in front.</summary>
    public static IEnumerable<Point2> Arch(BodyGeometry body, double x, double radius)
    {
        var centre = new Point2(x, body.Shape.WheelRadius);
        var rise = Math.Clamp((SillAt(body, x) - centre.Y) / radius, -0.95, 0.95);
        return Outlines.Arc(centre, radius, Math.PI - Math.Asin(rise), Math.Asin(rise), 40);
    }

    /// <summary>The height of the sill, which runs straight from under the tail to under the nose.</summary>
    public static double SillAt(BodyGeometry body, double x)
    {
        var (front, rear) = (body.Segments[0].Points[0], body.Segments[^1].Points[^1]);
        return rear.Y + ((front.Y - rear.Y) * (x - rear.X) / (front.X - rear.X));
    }

    private static IEnumerable<(double From, double To)> Slices(BodyShape shape)
    {
        var (nose, tail, depth) = ((shape.Length / 2) + 1, (-shape.Length / 2) - 1, shape.CornerDepth);
        var tailStart = (-shape.Length / 2) + depth;
        var noseStart = (shape.Length / 2) - depth;
        var cuts = new List<double> { tail };
        cuts.AddRange(CornerCuts.Skip(1).Reverse().Select(share => tailStart - (share * depth)).Skip(1));
        cuts.Add(tailStart);
        cuts.Add(noseStart);
        cuts.AddRange(CornerCuts.Skip(1).SkipLast(1).Select(share => noseStart + (share * depth)));
        cuts.Add(nose);
        for (var i = 0; i + 1 < cuts.Count; i++)
        {
            yield return (cuts[i], cuts[i + 1]);
        }
    }

    private static Point3[] OnSide(BodyGeometry body, IReadOnlyList<Point2> outline) =>
        [.. SurfaceStrip.Densify(outline, 0.05).Select(p => body.OnSide(p.X, p.Y, 1))];
}
