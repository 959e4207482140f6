using VehicleImages.Application.Demo.Raster;

namespace VehicleImages.Application.Demo.Vehicles;

/// <summary>The photo studio around the car: a white-to-grey backdrop and the car's soft shadows on the floor.</summary>
internal static class Studio
{
    public static void Backdrop(Canvas canvas)
    {
        var wall = Paint.Vertical(0, canvas.Height,
            (0, Rgba.FromBytes(252, 252, 253)),
            (0.55, Rgba.FromBytes(238, 239, 241)),
            (1, Rgba.FromBytes(221, 222, 225)));
        canvas.FillRows(y => wall.At(0, y + 0.5));
    }

    /// <summary>
    /// Three shadows: a wide faint one the whole car casts, a darker one under the body, and a tight one where
    /// each tyre meets the floor. <paramref name="strength"/> scales them (lighter on a transparent background).
    /// </summary>
    public static void Shadows(ScenePainter painter, VehicleModel model, double strength)
    {
        var scale = painter.Frame.Scale;
        var layer = new ShadowLayer(painter.Canvas.Width, painter.Canvas.Height, shrink: 3);
        var footprint = model.Footprint;
        layer.Add(painter.ShapeOf([.. footprint.Select(p => new Point3(p.X * 1.08, p.Y * 1.25, 0))]), 0.40 * scale, 0.22 * strength);
        layer.Add(painter.ShapeOf(footprint), 0.12 * scale, 0.45 * strength);
        foreach (var wheel in model.Wheels)
        {
            var half = wheel.Radius * 0.45;
            var inner = wheel.OuterY - (wheel.Side * wheel.Width);
            layer.Add(
                painter.ShapeOf([new Point3(wheel.X - half, wheel.OuterY, 0), new(wheel.X + half, wheel.OuterY, 0), new(wheel.X + half, inner, 0), new(wheel.X - half, inner, 0)]),
                0.03 * scale,
                0.7 * strength);
        }

        painter.Canvas.Shade(layer, Rgba.Black);
    }
}
