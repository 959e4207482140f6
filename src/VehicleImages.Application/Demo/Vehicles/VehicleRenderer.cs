using VehicleImages.Application.Demo.Raster;
using VehicleImages.Domain.Images;
using VehicleImages.Imaging;

namespace VehicleImages.Application.Demo.Vehicles;

/// <summary>
/// Draws a car from one view with the painter's method: far things first, each surface only if it faces the
/// camera. The car is convex enough from outside that this gives the right picture without a depth buffer.
/// </summary>
internal static class VehicleRenderer
{
    public static PixelBuffer Render(VehicleModel model, Rgba paint, View view, bool transparent, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(model);
        var camera = Camera.For(view);
        var frame = Frame.Fit(Outline(model, camera), width, height);
        var canvas = new Canvas(width, height);
        var painter = new ScenePainter(canvas, camera, frame, new Palette(paint));
        if (!transparent)
        {
            Studio.Backdrop(canvas);
        }

        Studio.Shadows(painter, model, transparent ? 0.8 : 1);

        // Mirrors on the far side are behind the body; the near ones stand in front of it.
        var farSide = model.Attachments.ToLookup(a => camera.Nearness(a.Centre) < 0);
        DrawAttachments(painter, farSide[true]);

        foreach (var well in model.WheelWells.Where(well => camera.Sees(Point3.Centroid(well.Outline), well.Normal)))
        {
            painter.Draw(well);
        }

        foreach (var wheel in model.Wheels.OrderBy(wheel => camera.Nearness(wheel.HubCentre)))
        {
            WheelPainter.Draw(painter, wheel);
        }

        var body = model.Body
            .Select(panel => (Panel: panel, Centre: Point3.Centroid(panel.Outline)))
            .Where(entry => camera.Sees(entry.Centre, entry.Panel.Normal))
            .OrderBy(entry => camera.Nearness(entry.Centre))
            .Select(entry => entry.Panel)
            .ToList();
        painter.Underlay(body);
        foreach (var panel in body)
        {
            painter.Draw(panel);
        }

        DrawAttachments(painter, farSide[false]);
        return canvas.ToPixelBuffer(transparent);
    }

    private static void DrawAttachments(ScenePainter painter, IEnumerable<Attachment> attachments)
    {
        foreach (var face in attachments.SelectMany(a => a.Faces))
        {
            if (painter.Camera.Sees(Point3.Centroid(face.Outline), face.Normal))
            {
                painter.Draw(face);
            }
        }
    }

    // Every corner of the car as the camera sees it, for framing.
    private static List<Point2> Outline(VehicleModel model, Camera camera) =>
    [
        .. model.Body.SelectMany(panel => panel.Outline)
            .Concat(model.Wheels.SelectMany(wheel => wheel.Circle(wheel.Radius, 0, 24).Concat(wheel.Circle(wheel.Radius, wheel.Width, 24))))
            .Concat(model.Attachments.SelectMany(a => a.Faces).SelectMany(face => face.Outline))
            .Select(camera.Project),
    ];
}
