using VehicleImages.Application.Demo.Raster;

namespace VehicleImages.Application.Demo.Vehicles;

/// <summary>
/// A lamp, grille or plate on the front or rear face, drawn as seen from straight ahead: X runs across the face
/// from -1 (the car's right) to 1 (its left), Y up the face from 0 (bottom) to 1 (top). A paired decal is given
/// for the left side and mirrored onto the right.
/// </summary>
internal sealed record FaceDecal(Finish Finish, IReadOnlyList<Point2> Outline, bool Paired = false)
{
    public static FaceDecal Pair(Finish finish, params (double X, double Y)[] outline) => new(finish, [.. outline.Select(p => new Point2(p.X, p.Y))], Paired: true);

    public static FaceDecal Centred(Finish finish, params (double X, double Y)[] outline) => new(finish, [.. outline.Select(p => new Point2(p.X, p.Y))]);

    public static FaceDecal Box(Finish finish, double left, double bottom, double right, double top, double radius = 0, bool paired = false) =>
        new(finish, Outlines.RoundedRectangle(left, bottom, right, top, radius), paired);
}
