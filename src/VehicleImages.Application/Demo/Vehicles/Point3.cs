namespace VehicleImages.Application.Demo.Vehicles;

/// <summary>
/// A point or direction in the vehicle's own space, in metres: x forward, y to the vehicle's left, z up, the
/// origin on the ground under the middle of the car.
/// </summary>
internal readonly record struct Point3(double X, double Y, double Z)
{
    public static Point3 Up { get; } = new(0, 0, 1);

    public static Point3 operator +(Point3 a, Point3 b) => new(a.X + b.X, a.Y + b.Y, a.Z + b.Z);

    public static Point3 operator -(Point3 a, Point3 b) => new(a.X - b.X, a.Y - b.Y, a.Z - b.Z);

    public static Point3 operator -(Point3 a) => new(-a.X, -a.Y, -a.Z);

    public static Point3 operator *(Point3 a, double k) => new(a.X * k, a.Y * k, a.Z * k);

    public double Dot(Point3 other) => (X * other.X) + (Y * other.Y) + (Z * other.Z);

    public Point3 Cross(Point3 other) => new((Y * other.Z) - (Z * other.Y), (Z * other.X) - (X * other.Z), (X * other.Y) - (Y * other.X));

    public Point3 Normalized()
    {
        var length = Math.Sqrt(Dot(this));
        return length > 0 ? this * (1 / length) : this;
    }

    /// <summary>The same point on the other side of the car.</summary>
    public Point3 Mirrored => this with { Y = -Y };

    /// <summary>The average normal of a closed 3D outline (Newell's method), pointing the way the outline winds counter-clockwise.</summary>
    public static Point3 NormalOf(IReadOnlyList<Point3> outline)
    {
        var (x, y, z) = (0d, 0d, 0d);
        for (int i = 0, j = outline.Count - 1; i < outline.Count; j = i++)
        {
            var (a, b) = (outline[j], outline[i]);
            x += (a.Y - b.Y) * (a.Z + b.Z);
            y += (a.Z - b.Z) * (a.X + b.X);
            z += (a.X - b.X) * (a.Y + b.Y);
        }

        return new Point3(x, y, z).Normalized();
    }

    public static Point3 Centroid(IReadOnlyList<Point3> points)
    {
        var sum = new Point3(0, 0, 0);
        foreach (var p in points)
        {
            sum += p;
        }

        return sum * (1d / points.Count);
    }
}
