using VehicleImages.Application.Demo.Raster;

namespace VehicleImages.Application.Demo.Vehicles;

/// <summary>Draws 3D panels onto the canvas through one camera and frame, lit and coloured by one palette.</summary>
internal sealed class ScenePainter(Canvas canvas, Camera camera, Frame frame, Palette palette)
{
    public Canvas Canvas => canvas;

    public Camera Camera => camera;

    public Frame Frame => frame;

    public Palette Palette => palette;

    public Point2 ToCanvas(Point3 p) => frame.ToCanvas(camera.Project(p));

    public Shape ShapeOf(IReadOnlyList<IReadOnlyList<Point3>> contours) =>
        new([.. contours.Select(contour => (IReadOnlyList<Point2>)[.. contour.Select(ToCanvas)])]);

    public Shape ShapeOf(IReadOnlyList<Point3> outline) => Shape.Polygon([.. outline.Select(ToCanvas)]);

    /// <summary>A panel, then its decals and lines, all shaded by the panel's direction.</summary>
    public void Draw(Panel panel)
    {
        canvas.Fill(ShapeOf(panel.Contours), PaintFor(panel));
        foreach (var decal in panel.Decals)
        {
            Draw(decal);
        }

        foreach (var line in panel.Lines)
        {
            var width = Math.Max(1.2, line.Width * frame.Scale);
            canvas.Fill(Shape.Stroke([.. line.Points.Select(ToCanvas)], width), Paint.Solid(palette.Lit(line.Finish, panel.Normal, camera)));
        }
    }

    /// <summary>
    /// The panels' outlines in a dark tone, drawn under them: where two anti-aliased panels meet, the thin gap
    /// between them shows this tone, like a real shut line, rather than the backdrop.
    /// </summary>
    public void Underlay(IEnumerable<Panel> panels)
    {
        var tone = Paint.Solid(palette.Paint.Times(0.35));
        foreach (var panel in panels)
        {
            canvas.Fill(ShapeOf(panel.Contours), tone);
        }
    }

    public void Fill(IReadOnlyList<Point3> outline, Finish finish, Point3 normal) =>
        canvas.Fill(ShapeOf(outline), Paint.Solid(palette.Lit(finish, normal, camera)));

    private Paint PaintFor(Panel panel)
    {
        var colour = palette.Lit(panel.Finish, panel.Normal, camera);
        if (panel.HorizonBand is var (low, high))
        {
            // The lower body mirrors the bright studio above its crease and the darker floor below it.
            var centre = Point3.Centroid(panel.Outline);
            var (top, bottom) = (ToCanvas(centre with { Z = high }), ToCanvas(centre with { Z = low }));
            return Paint.Linear(
                top,
                bottom,
                (0, Rgba.Lerp(colour.Times(1.12), Rgba.White, 0.10)),
                (0.42, Rgba.Lerp(colour, Rgba.White, 0.05)),
                (0.5, colour.Times(0.84)),
                (1, colour.Times(0.72)));
        }

        var (_, minY, _, maxY) = ShapeOf(panel.Outline).Bounds();
        return panel.Finish switch
        {
            Finish.Glass => Paint.Vertical(minY, maxY, (0, colour.Times(1.9)), (0.45, colour.Times(1.1)), (1, colour.Times(0.9))),
            Finish.Paint => Paint.Vertical(minY, maxY, (0, colour.Times(1.05)), (1, colour.Times(0.93))),
            _ => Paint.Solid(colour),
        };
    }
}
