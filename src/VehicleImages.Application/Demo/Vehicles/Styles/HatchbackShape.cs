using static VehicleImages.Application.Demo.Vehicles.SurfaceKind;

namespace VehicleImages.Application.Demo.Vehicles.Styles;

/// <summary>A two-door sports hatch: short overhangs, arched roof falling to a short tail (proportions of a 2006-2014 TT).</summary>
internal static class HatchbackShape
{
    public static BodyShape Shape { get; } = new()
    {
        Length = 4.18,
        Width = 1.84,
        FrontOverhang = 0.88,
        Wheelbase = 2.47,
        WheelRadius = 0.33,
        RimRatio = 0.70,
        TyreWidth = 0.245,
        Tumblehome = 0.30,
        NoseRounding = 0.20,
        TailRounding = 0.16,
        Spokes = 10,
        Profile =
        [
            ProfileSegment.Of(Front, (0.10, 0.22), (0.03, 0.32), (0.0, 0.46), (0.04, 0.62), (0.14, 0.69)),
            ProfileSegment.Of(Hood, (0.14, 0.69), (0.60, 0.77), (1.25, 0.85)),
            ProfileSegment.Of(Windscreen, (1.25, 0.85), (1.75, 1.12), (2.10, 1.30)),
            ProfileSegment.Of(Roof, (2.10, 1.30), (2.45, 1.35), (2.80, 1.32)),
            ProfileSegment.Of(RearWindow, (2.80, 1.32), (3.30, 1.16), (3.70, 0.98), (3.88, 0.93)),
            ProfileSegment.Of(Deck, (3.88, 0.93), (4.08, 0.92)),
            ProfileSegment.Of(Rear, (4.08, 0.92), (4.16, 0.82), (4.18, 0.56), (4.14, 0.32), (4.04, 0.25)),
        ],
        SideWindow = BodyShape.Points((1.38, 0.87), (2.08, 1.255), (2.45, 1.305), (2.80, 1.27), (3.12, 1.12), (3.25, 0.935)),
        ShutLines =
        [
            BodyShape.Points((1.36, 0.86), (1.38, 0.30)),
            BodyShape.Points((2.90, 0.905), (2.91, 0.30)),
        ],
        DoorHandles = BodyShape.Points((2.62, 0.80)),
        FrontDecals =
        [
            FaceDecal.Centred(Finish.Chrome, (-0.32, 0.89), (0.32, 0.89), (0.41, 0.55), (0.32, 0.07), (-0.32, 0.07), (-0.41, 0.55)),
            FaceDecal.Centred(Finish.Grille, (-0.30, 0.86), (0.30, 0.86), (0.38, 0.55), (0.30, 0.10), (-0.30, 0.10), (-0.38, 0.55)),
            FaceDecal.Pair(Finish.LampHousing, (0.44, 0.68), (0.95, 0.72), (0.98, 0.94), (0.50, 0.90)),
            FaceDecal.Pair(Finish.Headlight, (0.50, 0.73), (0.93, 0.76), (0.95, 0.91), (0.53, 0.87)),
            FaceDecal.Pair(Finish.DaytimeLight, (0.50, 0.71), (0.93, 0.74), (0.93, 0.765), (0.50, 0.735)),
            FaceDecal.Pair(Finish.BlackTrim, (0.52, 0.12), (0.88, 0.16), (0.92, 0.44), (0.56, 0.42)),
        ],
        RearDecals =
        [
            FaceDecal.Box(Finish.PanelGap, -0.44, 0.640, 0.44, 0.652),
            FaceDecal.Pair(Finish.Taillight, (0.45, 0.70), (0.98, 0.72), (0.99, 0.95), (0.52, 0.93)),
            FaceDecal.Pair(Finish.TaillightGlow, (0.53, 0.78), (0.95, 0.79), (0.95, 0.82), (0.53, 0.81)),
            FaceDecal.Box(Finish.BlackTrim, -0.24, 0.38, 0.24, 0.60, 0.03),
            FaceDecal.Box(Finish.Plate, -0.22, 0.40, 0.22, 0.58, 0.02),
            FaceDecal.Box(Finish.BlackTrim, -0.72, 0.0, 0.72, 0.14, 0.05),
            FaceDecal.Box(Finish.Chrome, 0.30, 0.04, 0.46, 0.11, 0.035, paired: true),
        ],
    };
}
