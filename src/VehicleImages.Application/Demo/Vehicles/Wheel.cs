namespace VehicleImages.Application.Demo.Vehicles;

/// <summary>One wheel: where it stands, its size, and which side of the car it is on (1 left, -1 right).</summary>
internal sealed record Wheel(double X, double Side, double OuterY, double Radius, double RimRadius, double Width, int Spokes)
{
    public Point3 OuterNormal => new(0, Side, 0);

    public Point3 HubCentre => new(X, OuterY, Radius);

    /// <summary>A circle around the axle in the plane <paramref name="inset"/> metres in from the outer face.</summary>
    public IReadOnlyList<Point3> Circle(double radius, double inset = 0, int segments = 64) =>
        [.. Enumerable.Range(0, segments).Select(i => OnFace(radius, 2 * Math.PI * i / segments, inset))];

    /// <summary>A point in a plane parallel to the wheel's face, by radius and angle around the axle.</summary>
    public Point3 OnFace(double radius, double angle, double inset = 0) =>
        new(X + (radius * Math.Cos(angle)), OuterY - (Side * inset), Radius + (radius * Math.Sin(angle)));
}
