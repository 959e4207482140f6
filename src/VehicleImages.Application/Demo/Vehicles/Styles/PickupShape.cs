using static VehicleImages.Application.Demo.Vehicles.SurfaceKind;

namespace VehicleImages.Application.Demo.Vehicles.Styles;

/// <summary>A full-size crew-cab pickup: tall square nose, long flat bonnet, four doors and an open bed (proportions of a 2023 F-150).</summary>
internal static class PickupShape
{
    public static BodyShape Shape { get; } = new()
    {
        Length = 5.89,
        Width = 2.03,
        FrontOverhang = 0.98,
        Wheelbase = 3.68,
        WheelRadius = 0.42,
        RimRatio = 0.62,
        TyreWidth = 0.28,
        Tumblehome = 0.12,
        NoseRounding = 0.10,
        TailRounding = 0.06,
        CornerDepth = 0.35,
        Cladding = true,
        Spokes = 6,
        Profile =
        [
            ProfileSegment.Of(Front, (0.12, 0.46), (0.04, 0.58), (0.0, 0.82), (0.01, 1.15), (0.08, 1.26)),
            ProfileSegment.Of(Hood, (0.08, 1.26), (0.90, 1.33), (1.75, 1.38)),
            ProfileSegment.Of(Windscreen, (1.75, 1.38), (2.10, 1.68), (2.40, 1.92)),
            ProfileSegment.Of(Roof, (2.40, 1.92), (3.00, 1.965), (3.55, 1.95)),
            ProfileSegment.Of(CabBack, (3.55, 1.95), (3.60, 1.88), (3.62, 1.42)),
            ProfileSegment.Of(Bed, (3.62, 1.42), (5.86, 1.42)),
            ProfileSegment.Of(Rear, (5.86, 1.42), (5.89, 1.35), (5.89, 0.72), (5.86, 0.55), (5.78, 0.50)),
        ],
        SideWindow = BodyShape.Points((1.86, 1.41), (2.40, 1.86), (3.46, 1.89), (3.52, 1.82), (3.52, 1.44)),
        Pillars = [(2.75, 0.09)],
        ShutLines =
        [
            BodyShape.Points((1.85, 1.40), (1.87, 0.60)),
            BodyShape.Points((2.75, 1.41), (2.75, 0.56)),
            BodyShape.Points((3.50, 1.42), (3.50, 0.56)),
            BodyShape.Points((3.66, 1.42), (3.66, 0.60)),
        ],
        DoorHandles = BodyShape.Points((2.55, 1.28), (3.38, 1.30)),
        FrontDecals =
        [
            FaceDecal.Box(Finish.Chrome, -1, 0.0, 1, 0.26, 0.04),
            FaceDecal.Box(Finish.BlackTrim, -0.40, 0.06, 0.40, 0.18, 0.03),
            FaceDecal.Box(Finish.Chrome, -0.62, 0.30, 0.62, 0.95, 0.06),
            FaceDecal.Box(Finish.Grille, -0.58, 0.33, 0.58, 0.92, 0.05),
            FaceDecal.Box(Finish.Chrome, -0.58, 0.58, 0.58, 0.62),
            FaceDecal.Box(Finish.Chrome, -0.58, 0.75, 0.58, 0.78),
            FaceDecal.Box(Finish.LampHousing, 0.64, 0.60, 0.97, 0.93, 0.04, paired: true),
            FaceDecal.Box(Finish.Headlight, 0.67, 0.64, 0.95, 0.90, 0.03, paired: true),
            FaceDecal.Pair(Finish.DaytimeLight, (0.69, 0.88), (0.94, 0.88), (0.94, 0.66), (0.69, 0.66), (0.69, 0.69), (0.915, 0.69), (0.915, 0.85), (0.69, 0.85)),
        ],
        RearDecals =
        [
            FaceDecal.Box(Finish.Chrome, -1, 0.0, 1, 0.22, 0.03),
            FaceDecal.Box(Finish.BlackTrim, -0.22, 0.02, 0.22, 0.21, 0.03),
            FaceDecal.Box(Finish.Plate, -0.20, 0.04, 0.20, 0.19, 0.02),
            FaceDecal.Box(Finish.Taillight, 0.86, 0.42, 0.99, 0.96, 0.02, paired: true),
            FaceDecal.Box(Finish.TaillightGlow, 0.89, 0.50, 0.95, 0.90, 0.02, paired: true),
            FaceDecal.Box(Finish.BlackTrim, -0.10, 0.84, 0.10, 0.90, 0.02),
        ],
    };
}
