using static VehicleImages.Application.Demo.Vehicles.SurfaceKind;

namespace VehicleImages.Application.Demo.Vehicles.Styles;

/// <summary>A sporting mid-size SUV: tall nose, big grille, falling roof and a raked tailgate (proportions of a 2019 F-PACE).</summary>
internal static class SuvShape
{
    public static BodyShape Shape { get; } = new()
    {
        Length = 4.73,
        Width = 1.94,
        FrontOverhang = 0.92,
        Wheelbase = 2.87,
        WheelRadius = 0.37,
        RimRatio = 0.70,
        TyreWidth = 0.255,
        Tumblehome = 0.22,
        NoseRounding = 0.17,
        TailRounding = 0.15,
        Cladding = true,
        Profile =
        [
            ProfileSegment.Of(Front, (0.08, 0.36), (0.02, 0.48), (0.0, 0.66), (0.03, 0.84), (0.12, 0.92)),
            ProfileSegment.Of(Hood, (0.12, 0.92), (0.70, 0.99), (1.45, 1.06)),
            ProfileSegment.Of(Windscreen, (1.45, 1.06), (1.95, 1.38), (2.30, 1.58)),
            ProfileSegment.Of(Roof, (2.30, 1.58), (3.10, 1.655), (3.90, 1.60)),
            ProfileSegment.Of(RearWindow, (3.90, 1.60), (4.25, 1.40), (4.45, 1.26)),
            ProfileSegment.Of(Deck, (4.45, 1.26), (4.60, 1.20)),
            ProfileSegment.Of(Rear, (4.60, 1.20), (4.70, 1.06), (4.73, 0.76), (4.70, 0.46), (4.60, 0.38)),
        ],
        SideWindow = BodyShape.Points((1.60, 1.085), (2.31, 1.52), (3.10, 1.60), (3.85, 1.545), (4.10, 1.40), (4.20, 1.262)),
        Pillars = [(2.68, 0.08), (3.66, 0.07)],
        ShutLines =
        [
            BodyShape.Points((1.55, 1.07), (1.57, 0.48)),
            BodyShape.Points((2.68, 1.13), (2.68, 0.45)),
            BodyShape.Points((3.66, 1.205), (3.65, 0.95), (3.52, 0.78)),
        ],
        DoorHandles = BodyShape.Points((2.45, 1.02), (3.42, 1.09)),
        FrontDecals =
        [
            FaceDecal.Centred(Finish.Chrome, (-0.38, 0.94), (0.38, 0.94), (0.45, 0.62), (0.38, 0.32), (-0.38, 0.32), (-0.45, 0.62)),
            FaceDecal.Centred(Finish.Grille, (-0.355, 0.905), (0.355, 0.905), (0.42, 0.62), (0.355, 0.355), (-0.355, 0.355), (-0.42, 0.62)),
            FaceDecal.Pair(Finish.LampHousing, (0.47, 0.74), (0.96, 0.78), (0.98, 0.93), (0.50, 0.90)),
            FaceDecal.Pair(Finish.Headlight, (0.52, 0.78), (0.94, 0.81), (0.95, 0.90), (0.54, 0.88)),
            FaceDecal.Pair(Finish.DaytimeLight, (0.53, 0.77), (0.93, 0.795), (0.935, 0.885), (0.915, 0.885), (0.912, 0.812), (0.53, 0.79)),
            FaceDecal.Pair(Finish.BlackTrim, (0.56, 0.10), (0.90, 0.14), (0.94, 0.46), (0.62, 0.40)),
            FaceDecal.Box(Finish.Grille, -0.34, 0.08, 0.34, 0.26, 0.05),
        ],
        RearDecals =
        [
            FaceDecal.Box(Finish.PanelGap, -0.82, 0.300, 0.82, 0.310),
            FaceDecal.Box(Finish.PanelGap, -0.82, 0.300, -0.812, 1.0),
            FaceDecal.Box(Finish.PanelGap, 0.812, 0.300, 0.82, 1.0),
            FaceDecal.Pair(Finish.Taillight, (0.50, 0.80), (0.98, 0.82), (0.99, 0.95), (0.55, 0.93)),
            FaceDecal.Pair(Finish.TaillightGlow, (0.56, 0.86), (0.95, 0.87), (0.95, 0.89), (0.56, 0.885)),
            FaceDecal.Box(Finish.BlackTrim, -0.24, 0.48, 0.24, 0.68, 0.03),
            FaceDecal.Box(Finish.Plate, -0.22, 0.50, 0.22, 0.66, 0.02),
            FaceDecal.Box(Finish.BlackTrim, -0.75, 0.0, 0.75, 0.16, 0.06),
            FaceDecal.Box(Finish.Chrome, 0.45, 0.05, 0.62, 0.12, 0.03, paired: true),
        ],
    };
}
