namespace VehicleImages.Application.Demo.Raster;

/// <summary>What fills a shape: the colour at each pixel centre.</summary>
internal abstract class Paint
{
    public abstract Rgba At(double x, double y);

    public static Paint Solid(Rgba colour) => new SolidPaint(colour);

    /// <summary>A linear gradient from one point to another through colour stops at 0–1 along the way; flat beyond the ends.</summary>
    public static Paint Linear(Point2 from, Point2 to, params (double At, Rgba Colour)[] stops) => new LinearGradient(from, to, stops);

    /// <summary>A top-to-bottom gradient between two canvas rows.</summary>
    public static Paint Vertical(double top, double bottom, params (double At, Rgba Colour)[] stops) =>
        Linear(new Point2(0, top), new Point2(0, bottom), stops);

    private sealed class SolidPaint(Rgba colour) : Paint
    {
        public override Rgba At(double x, double y) => colour;
    }

    private sealed class LinearGradient : Paint
    {
        private readonly Point2 _from;
        private readonly Point2 _direction;
        private readonly (double At, Rgba Colour)[] _stops;

        public LinearGradient(Point2 from, Point2 to, (double At, Rgba Colour)[] stops)
        {
            var along = to - from;
            var lengthSquared = Math.Max((along.X * along.X) + (along.Y * along.Y), 1e-12);
            _from = from;
            _direction = along * (1 / lengthSquared);
            _stops = [.. stops.OrderBy(stop => stop.At)];
        }

        public override Rgba At(double x, double y)
        {
            var t = ((x - _from.X) * _direction.X) + ((y - _from.Y) * _direction.Y);
            if (t <= _stops[0].At)
            {
                return _stops[0].Colour;
            }

            for (var i = 1; i < _stops.Length; i++)
            {
                if (t <= _stops[i].At)
                {
                    var (a, b) = (_stops[i - 1], _stops[i]);
                    return Rgba.Lerp(a.Colour, b.Colour, (t - a.At) / Math.Max(b.At - a.At, 1e-12));
                }
            }

            return _stops[^1].Colour;
        }
    }
}
