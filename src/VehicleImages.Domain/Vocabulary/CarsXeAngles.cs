using System.Collections.Frozen;
using VehicleImages.Domain.Images;

namespace VehicleImages.Domain.Vocabulary;

/// <summary>
/// CarsXE's angle vocabulary (current: front, front three-quarter, side, rear, rear three-quarter; older: front,
/// side, back) and the views each one covers. Three-quarter and side angles cover both sides and the unhanded view.
/// </summary>
public static class CarsXeAngles
{
    public static readonly IReadOnlyList<string> Documented = ["front", "front three-quarter", "side", "rear", "rear three-quarter", "back"];

    private static readonly FrozenDictionary<string, IReadOnlySet<View>> Views = new Dictionary<string, IReadOnlySet<View>>(StringComparer.Ordinal)
    {
        ["front"] = new HashSet<View> { View.Front },
        ["front three-quarter"] = new HashSet<View> { View.FrontLeft, View.FrontRight, View.FrontThreeQuarter },
        ["side"] = new HashSet<View> { View.Left, View.Right, View.Side },
        ["rear"] = new HashSet<View> { View.Rear },
        ["back"] = new HashSet<View> { View.Rear },
        ["rear three-quarter"] = new HashSet<View> { View.RearLeft, View.RearRight, View.RearThreeQuarter },
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The current-vocabulary angle a view falls under; null for interior, engine and unknown views.</summary>
    public static string? Of(View view) => view switch
    {
        View.Front => "front",
        View.FrontLeft or View.FrontRight or View.FrontThreeQuarter => "front three-quarter",
        View.Left or View.Right or View.Side => "side",
        View.Rear => "rear",
        View.RearLeft or View.RearRight or View.RearThreeQuarter => "rear three-quarter",
        _ => null,
    };

    /// <summary>The views an angle covers; the documented spelling only (CarsXE values are case-sensitive).</summary>
    public static bool TryViews(string angle, out IReadOnlySet<View> views) => Views.TryGetValue(angle, out views!);
}
