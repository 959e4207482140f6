using VehicleImages.Application.Demo.Raster;

namespace VehicleImages.Application.Demo.Vehicles;

/// <summary>
/// The colour of every finish for one paint colour, and how the studio lights it: a soft key light from above
/// and behind the camera, and the bright ceiling reflected in glossy surfaces that face up.
/// </summary>
internal sealed class Palette(Rgba paint)
{
    public Rgba Paint => paint;

    public Rgba Base(Finish finish) => finish switch
    {
        Finish.Paint => paint,
        Finish.PanelGap => paint.Times(0.42),
        Finish.Glass => new(0.12, 0.15, 0.19),
        Finish.BlackTrim => new(0.08, 0.08, 0.09),
        Finish.Chrome => new(0.80, 0.82, 0.85),
        Finish.Grille => new(0.05, 0.05, 0.06),
        Finish.Tyre => new(0.08, 0.08, 0.09),
        Finish.Sidewall => new(0.13, 0.13, 0.14),
        Finish.Rim => new(0.80, 0.81, 0.83),
        Finish.RimShadow => new(0.17, 0.17, 0.18),
        Finish.Hub => new(0.45, 0.46, 0.48),
        Finish.Headlight => new(0.78, 0.87, 0.98), // the cool blue-white of LED lamps
        Finish.LampHousing => new(0.18, 0.20, 0.23),
        Finish.DaytimeLight => new(1, 1, 1),
        Finish.Taillight => new(0.60, 0.03, 0.05),
        Finish.TaillightGlow => new(0.96, 0.18, 0.18),
        Finish.Plate => new(0.95, 0.95, 0.93),
        Finish.WheelWell => new(0.04, 0.04, 0.045),
        Finish.BedLiner => new(0.13, 0.13, 0.14),
        Finish.Reflection => new(1, 1, 1, 0.12),
        _ => throw new ArgumentOutOfRangeException(nameof(finish), finish, null),
    };

    /// <summary>The finish's colour on a surface facing <paramref name="normal"/>, seen by <paramref name="camera"/>.</summary>
    public Rgba Lit(Finish finish, Point3 normal, Camera camera)
    {
        var colour = Base(finish);
        if (finish is Finish.DaytimeLight or Finish.TaillightGlow or Finish.Headlight or Finish.Reflection)
        {
            return colour; // lamps glow: the light does not shade them
        }

        var light = (Point3.Up + (camera.TowardCamera * 0.6)).Normalized();
        var lit = colour.Times(0.50 + (0.55 * Math.Max(0, normal.Dot(light))));
        if (finish is Finish.Paint or Finish.Glass or Finish.Chrome)
        {
            var facingUp = Math.Max(0, normal.Dot(Point3.Up));
            lit = Rgba.Lerp(lit, Rgba.White, 0.20 * facingUp * facingUp);
        }

        return lit;
    }
}
