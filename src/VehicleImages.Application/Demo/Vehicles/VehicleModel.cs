namespace VehicleImages.Application.Demo.Vehicles;

/// <summary>A small part standing off the body (a door mirror): its faces, drawn before the body when it is on the far side.</summary>
internal sealed record Attachment(IReadOnlyList<Panel> Faces)
{
    public Point3 Centre => Point3.Centroid([.. Faces.SelectMany(face => face.Outline)]);
}

/// <summary>A car built from its shape, ready to be seen from any side; the same for every colour and view.</summary>
internal sealed record VehicleModel(
    IReadOnlyList<Panel> Body,
    IReadOnlyList<Panel> WheelWells,
    IReadOnlyList<Wheel> Wheels,
    IReadOnlyList<Attachment> Attachments,
    IReadOnlyList<Point3> Footprint);
