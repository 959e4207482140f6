using VehicleImages.Application.Demo.Raster;
using VehicleImages.Domain.Images;

namespace VehicleImages.Application.Demo.Vehicles;

/// <summary>
/// A studio camera on a circle around the car, looking at it with a mild perspective (a long lens
/// from a few car lengths away, as product shots are taken). Projects into a plane with y up, in metres.
/// </summary>
internal sealed class Camera
{
    private const double Distance = 11;

    // Three-quarter views sit nearer the end than the side, as stock shots do, so the end reads clearly.
    private const double ThreeQuarterAngle = 36;

    private readonly Point3 _towardCamera;
    private readonly Point3 _right;
    private readonly Point3 _up;

    private Camera(double azimuthDegrees, double elevationDegrees)
    {
        var (azimuth, elevation) = (azimuthDegrees * Math.PI / 180, elevationDegrees * Math.PI / 180);
        _towardCamera = new Point3(Math.Cos(azimuth) * Math.Cos(elevation), Math.Sin(azimuth) * Math.Cos(elevation), Math.Sin(elevation));
        _right = new Point3(-Math.Sin(azimuth), Math.Cos(azimuth), 0);
        _up = _towardCamera.Cross(_right).Normalized();
        Position = _towardCamera * Distance;
    }

    public Point3 Position { get; }

    /// <summary>Unit vector from the car toward the camera.</summary>
    public Point3 TowardCamera => _towardCamera;

    /// <summary>
    /// The camera for a view. Azimuth is measured from straight ahead toward the car's left, so the front of the
    /// car is on the picture's left in the left views and on its right in the right views.
    /// </summary>
    public static Camera For(View view) => view switch
    {
        View.Front => new Camera(0, 9),
        View.FrontLeft => new Camera(ThreeQuarterAngle, 11),
        View.Left => new Camera(90, 5),
        View.RearLeft => new Camera(180 - ThreeQuarterAngle, 11),
        View.Rear => new Camera(180, 9),
        View.RearRight => new Camera(180 + ThreeQuarterAngle, 11),
        View.Right => new Camera(270, 5),
        View.FrontRight => new Camera(360 - ThreeQuarterAngle, 11),
        _ => throw new ArgumentOutOfRangeException(nameof(view), view, "The demo draws the eight exterior views."),
    };

    public Point2 Project(Point3 p)
    {
        var scale = Distance / (Distance - p.Dot(_towardCamera));
        return new Point2(p.Dot(_right) * scale, p.Dot(_up) * scale);
    }

    /// <summary>How near to the camera a point is: larger is nearer. Painters draw far things first.</summary>
    public double Nearness(Point3 p) => p.Dot(_towardCamera);

    /// <summary>Whether a surface with this outward normal at this point faces the camera.</summary>
    public bool Sees(Point3 point, Point3 normal) => normal.Dot(Position - point) > 1e-9;
}
