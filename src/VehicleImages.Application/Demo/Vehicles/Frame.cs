using VehicleImages.Application.Demo.Raster;

namespace VehicleImages.Application.Demo.Vehicles;

/// <summary>
/// Places the projected car on the canvas: as large as fits with a margin, centred across, and standing on the
/// same ground line in every view so a set of views lines up. Filling the frame also keeps different colours of
/// one car apart for the near-duplicate check, which needs the paint to cover a good share of the picture.
/// </summary>
internal sealed class Frame
{
    private const double MaxWidthShare = 0.86;
    private const double MaxHeightShare = 0.62;
    private const double GroundLine = 0.80;

    private readonly double _centreX;
    private readonly double _bottom;
    private readonly int _width;
    private readonly int _height;

    private Frame(double scale, double centreX, double bottom, int width, int height)
    {
        (Scale, _centreX, _bottom, _width, _height) = (scale, centreX, bottom, width, height);
    }

    /// <summary>Canvas pixels per metre (at the car's middle).</summary>
    public double Scale { get; }

    public static Frame Fit(IEnumerable<Point2> projected, int width, int height)
    {
        var (left, right, bottom, top) = (double.MaxValue, double.MinValue, double.MaxValue, double.MinValue);
        foreach (var p in projected)
        {
            (left, right, bottom, top) = (Math.Min(left, p.X), Math.Max(right, p.X), Math.Min(bottom, p.Y), Math.Max(top, p.Y));
        }

        var scale = Math.Min(MaxWidthShare * width / (right - left), MaxHeightShare * height / (top - bottom));
        return new Frame(scale, (left + right) / 2, bottom, width, height);
    }

    public Point2 ToCanvas(Point2 projected) =>
        new((_width / 2d) + ((projected.X - _centreX) * Scale), (GroundLine * _height) - ((projected.Y - _bottom) * Scale));
}
