using System.Collections.Frozen;
using VehicleImages.Domain.Text;

namespace VehicleImages.Domain.Images;

/// <summary>Reads the view names sources use (ours, CarsXE's angles, OneAuto's slots) and writes the canonical one.</summary>
public static class ViewNames
{
    private static readonly FrozenDictionary<string, View> ByKey = new Dictionary<string, View>
    {
        ["front"] = View.Front,
        ["frontright"] = View.FrontRight,
        ["right"] = View.Right,
        ["rearright"] = View.RearRight,
        ["backright"] = View.RearRight,
        ["rear"] = View.Rear,
        ["back"] = View.Rear,
        ["rearleft"] = View.RearLeft,
        ["backleft"] = View.RearLeft,
        ["left"] = View.Left,
        ["frontleft"] = View.FrontLeft,
        ["frontthreequarter"] = View.FrontThreeQuarter,
        ["frontthreequarterright"] = View.FrontRight,
        ["frontthreequarterleft"] = View.FrontLeft,
        ["side"] = View.Side,
        ["rearthreequarter"] = View.RearThreeQuarter,
        ["rearthreequarterright"] = View.RearRight,
        ["rearthreequarterleft"] = View.RearLeft,
        ["interior"] = View.Interior,
        ["inside1"] = View.Interior,
        ["inside2"] = View.Interior2,
        ["inside3"] = View.Interior3,
        ["interior1"] = View.Interior,
        ["interior2"] = View.Interior2,
        ["interior3"] = View.Interior3,
        ["engine"] = View.Engine,
        ["unknown"] = View.Unknown,
    }.ToFrozenDictionary();

    /// <summary>Case, spaces, hyphens and underscores do not matter: "Front Three-Quarter" and "front_left" both read.</summary>
    public static bool TryParse(string? text, out View view) => ByKey.TryGetValue(MatchKey.Of(text), out view);

    /// <summary>The snake_case name used in our own API and in the catalog's exports.</summary>
    public static string Name(View view) => view switch
    {
        View.Front => "front",
        View.FrontRight => "front_right",
        View.Right => "right",
        View.RearRight => "rear_right",
        View.Rear => "rear",
        View.RearLeft => "rear_left",
        View.Left => "left",
        View.FrontLeft => "front_left",
        View.Interior => "interior",
        View.Interior2 => "interior_2",
        View.Interior3 => "interior_3",
        View.Engine => "engine",
        View.FrontThreeQuarter => "front_three_quarter",
        View.Side => "side",
        View.RearThreeQuarter => "rear_three_quarter",
        _ => "unknown",
    };

    public static bool IsExterior(View view) => view is not (View.Interior or View.Interior2 or View.Interior3 or View.Engine);

    /// <summary>The photo type a view implies, for rows that give a view but no photo type.</summary>
    public static PhotoType PhotoTypeOf(View view) => view switch
    {
        View.Interior or View.Interior2 or View.Interior3 => PhotoType.Interior,
        View.Engine => PhotoType.Engine,
        _ => PhotoType.Exterior,
    };
}
