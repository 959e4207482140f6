namespace VehicleImages.Application.Demo.Vehicles;

/// <summary>A line drawn on a panel (a shut line between doors, a chrome strip), with its width in metres.</summary>
internal sealed record PanelLine(IReadOnlyList<Point3> Points, double Width, Finish Finish);

/// <summary>
/// One face of the car as a polygon in 3D (a second contour cuts a hole). Its decals (lights, windows, grille)
/// lie on it and are drawn with it, so they are hidden exactly when it is.
/// </summary>
internal sealed record Panel(IReadOnlyList<IReadOnlyList<Point3>> Contours, Point3 Normal, Finish Finish)
{
    public IReadOnlyList<Panel> Decals { get; init; } = [];

    public IReadOnlyList<PanelLine> Lines { get; init; } = [];

    /// <summary>For the painted sides, the heights between which the studio's horizon is reflected: light above, dark below.</summary>
    public (double Low, double High)? HorizonBand { get; init; }

    public IReadOnlyList<Point3> Outline => Contours[0];

    /// <summary>A panel whose normal is computed from its outline and turned to agree with <paramref name="outward"/>.</summary>
    public static Panel Facing(IReadOnlyList<Point3> outline, Point3 outward, Finish finish)
    {
        var normal = Point3.NormalOf(outline);
        return new Panel([outline], normal.Dot(outward) < 0 ? -normal : normal, finish);
    }

    /// <summary>A decal lying on this panel: same normal, so it shades and hides as the panel does.</summary>
    public Panel Decal(IReadOnlyList<Point3> outline, Finish finish) => new([outline], Normal, finish);

    /// <summary>The same panel on the other side of the car.</summary>
    public Panel Mirrored() => new(
        [.. Contours.Select(contour => (IReadOnlyList<Point3>)[.. contour.Select(p => p.Mirrored)])],
        Normal.Mirrored,
        Finish)
    {
        Decals = [.. Decals.Select(decal => decal.Mirrored())],
        Lines = [.. Lines.Select(line => line with { Points = [.. line.Points.Select(p => p.Mirrored)] })],
        HorizonBand = HorizonBand,
    };
}
