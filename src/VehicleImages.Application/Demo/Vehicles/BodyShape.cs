using VehicleImages.Application.Demo.Raster;

namespace VehicleImages.Application.Demo.Vehicles;

/// <summary>
/// Everything that makes one body style look like itself, in metres. Side details are given as (distance back
/// from the front tip, height) pairs, the way one reads them off a side-view drawing.
/// </summary>
internal sealed record BodyShape
{
    public required double Length { get; init; }

    public required double Width { get; init; }

    public required double FrontOverhang { get; init; }

    public required double Wheelbase { get; init; }

    public required double WheelRadius { get; init; }

    /// <summary>Rim radius as a share of the wheel radius: large for big alloys, small for a truck's tall tyres.</summary>
    public double RimRatio { get; init; } = 0.68;

    public required double TyreWidth { get; init; }

    /// <summary>How far the side glass leans inward per metre of height above the waist.</summary>
    public required double Tumblehome { get; init; }

    /// <summary>How far the front corners are rounded in from the full width, seen from above.</summary>
    public required double NoseRounding { get; init; }

    public required double TailRounding { get; init; }

    /// <summary>How far back from each end the rounding of the corners reaches.</summary>
    public double CornerDepth { get; init; } = 0.45;

    public required IReadOnlyList<ProfileSegment> Profile { get; init; }

    /// <summary>The side glass (daylight opening), on the car's left side.</summary>
    public required IReadOnlyList<Point2> SideWindow { get; init; }

    /// <summary>Where black pillars split the side glass, and how wide they are.</summary>
    public IReadOnlyList<(double Back, double Width)> Pillars { get; init; } = [];

    /// <summary>Door shut lines and other panel gaps on the side.</summary>
    public required IReadOnlyList<IReadOnlyList<Point2>> ShutLines { get; init; }

    public required IReadOnlyList<Point2> DoorHandles { get; init; }

    /// <summary>Black plastic around the wheel arches and along the sills, as SUVs and trucks wear.</summary>
    public bool Cladding { get; init; }

    /// <summary>How many spokes the alloy wheels have.</summary>
    public int Spokes { get; init; } = 5;

    public required IReadOnlyList<FaceDecal> FrontDecals { get; init; }

    public required IReadOnlyList<FaceDecal> RearDecals { get; init; }

    public double FrontAxle => (Length / 2) - FrontOverhang;

    public double RearAxle => FrontAxle - Wheelbase;

    /// <summary>Turns a distance back from the front tip into the car's x coordinate.</summary>
    public double X(double back) => (Length / 2) - back;

    public static IReadOnlyList<Point2> Points(params (double Back, double Height)[] points) => [.. points.Select(p => new Point2(p.Back, p.Height))];
}
