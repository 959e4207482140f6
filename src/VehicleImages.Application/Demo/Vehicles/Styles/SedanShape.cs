using static VehicleImages.Application.Demo.Vehicles.SurfaceKind;

namespace VehicleImages.Application.Demo.Vehicles.Styles;

/// <summary>A compact three-box saloon: low bonnet, raked glass, separate boot (proportions of a 2021 Corolla).</summary>
internal static class SedanShape
{
    public static BodyShape Shape { get; } = new()
    {
        Length = 4.63,
        Width = 1.78,
        FrontOverhang = 0.93,
        Wheelbase = 2.70,
        WheelRadius = 0.315,
        TyreWidth = 0.225,
        Tumblehome = 0.26,
        NoseRounding = 0.17,
        TailRounding = 0.14,
        Profile =
        [
            ProfileSegment.Of(Front, (0.10, 0.22), (0.03, 0.30), (0.0, 0.46), (0.02, 0.62), (0.10, 0.70)),
            ProfileSegment.Of(Hood, (0.10, 0.70), (0.55, 0.76), (1.0, 0.81), (1.55, 0.88)),
            ProfileSegment.Of(Windscreen, (1.55, 0.88), (2.05, 1.19), (2.40, 1.39)),
            ProfileSegment.Of(Roof, (2.40, 1.39), (2.85, 1.435), (3.35, 1.41)),
            ProfileSegment.Of(RearWindow, (3.35, 1.41), (3.75, 1.17), (3.98, 1.04)),
            ProfileSegment.Of(Deck, (3.98, 1.04), (4.35, 1.02), (4.55, 1.00)),
            ProfileSegment.Of(Rear, (4.55, 1.00), (4.62, 0.92), (4.63, 0.62), (4.60, 0.34), (4.50, 0.24)),
        ],
        SideWindow = BodyShape.Points((1.70, 0.905), (2.40, 1.33), (2.85, 1.375), (3.28, 1.355), (3.62, 1.16), (3.66, 1.035)),
        Pillars = [(2.62, 0.08)],
        ShutLines =
        [
            BodyShape.Points((1.64, 0.89), (1.66, 0.31)),
            BodyShape.Points((2.62, 0.95), (2.62, 0.29)),
            BodyShape.Points((3.50, 1.01), (3.49, 0.76), (3.37, 0.57)),
        ],
        DoorHandles = BodyShape.Points((2.40, 0.86), (3.30, 0.91)),
        FrontDecals =
        [
            FaceDecal.Centred(Finish.Grille, (-0.52, 0.12), (0.52, 0.12), (0.42, 0.52), (-0.42, 0.52)),
            FaceDecal.Box(Finish.Grille, -0.30, 0.70, 0.30, 0.80, 0.04),
            FaceDecal.Pair(Finish.LampHousing, (0.36, 0.72), (0.95, 0.80), (0.98, 0.94), (0.42, 0.86)),
            FaceDecal.Pair(Finish.Headlight, (0.43, 0.755), (0.92, 0.82), (0.94, 0.91), (0.46, 0.84)),
            FaceDecal.Pair(Finish.DaytimeLight, (0.44, 0.75), (0.92, 0.815), (0.925, 0.835), (0.44, 0.77)),
            FaceDecal.Box(Finish.BlackTrim, 0.62, 0.14, 0.88, 0.34, 0.06, paired: true),
        ],
        RearDecals =
        [
            FaceDecal.Box(Finish.PanelGap, -0.50, 0.700, 0.50, 0.712),
            FaceDecal.Pair(Finish.Taillight, (0.48, 0.78), (0.98, 0.79), (0.985, 0.95), (0.54, 0.93)),
            FaceDecal.Pair(Finish.TaillightGlow, (0.55, 0.85), (0.95, 0.855), (0.95, 0.875), (0.55, 0.87)),
            FaceDecal.Box(Finish.Chrome, -0.46, 0.845, 0.46, 0.865),
            FaceDecal.Box(Finish.BlackTrim, -0.24, 0.38, 0.24, 0.58, 0.03),
            FaceDecal.Box(Finish.Plate, -0.22, 0.40, 0.22, 0.56, 0.02),
            FaceDecal.Box(Finish.BlackTrim, -0.72, 0.0, 0.72, 0.12, 0.05),
        ],
    };
}
