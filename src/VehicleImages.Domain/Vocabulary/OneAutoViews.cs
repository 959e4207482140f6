using System.Diagnostics.CodeAnalysis;
using VehicleImages.Domain.Colours;
using VehicleImages.Domain.Images;

namespace VehicleImages.Domain.Vocabulary;

/// <summary>One of OneAuto's eleven image slots: its name in image_ids, its index in image IDs, and the views that may fill it.</summary>
public sealed record OneAutoSlot(string Name, int Index, IReadOnlyList<View> Views)
{
    /// <summary>Whether this is one of the cabin slots (inside_1 to inside_3).</summary>
    public bool IsInterior => Views.All(view => view is View.Interior or View.Interior2 or View.Interior3);

    /// <summary>
    /// Whether an image of this view and colour answers a request for the asked colour in this slot: the one rule
    /// both imagefromid's choice and the searches' colour lists follow, so a listed colour is always served.
    /// </summary>
    public bool Serves(View view, GenericColour? imageColour, GenericColour asked) =>

        // A cabin photo shows seats and dashboard, not paint: one of no known colour stands for every colour, so a
        // client asking each slot in the colour it picked still gets the cabin. One labelled with a colour (the car
        // it was taken in) is that colour's only; an exterior photo of no known colour is no colour's.
        Views.Contains(view) && (imageColour == asked || (imageColour is null && IsInterior));
}

/// <summary>
/// OneAuto's view slots. A slot shows its own view first; a three-quarter or side shot whose side the source did
/// not say can fill either side's slot, after a shot of the right side.
/// </summary>
public static class OneAutoViews
{
    public static readonly IReadOnlyList<OneAutoSlot> Slots =
    [
        new("front", 1, [View.Front]),
        new("front_right", 2, [View.FrontRight, View.FrontThreeQuarter]),
        new("right", 3, [View.Right, View.Side]),
        new("rear_right", 4, [View.RearRight, View.RearThreeQuarter]),
        new("rear", 5, [View.Rear]),
        new("rear_left", 6, [View.RearLeft, View.RearThreeQuarter]),
        new("left", 7, [View.Left, View.Side]),
        new("front_left", 8, [View.FrontLeft, View.FrontThreeQuarter]),
        new("inside_1", 10, [View.Interior]),
        new("inside_2", 11, [View.Interior2]),
        new("inside_3", 12, [View.Interior3]),
    ];

    public static OneAutoSlot? ByIndex(int index) => Slots.FirstOrDefault(slot => slot.Index == index);
}

/// <summary>OneAuto image IDs: "&lt;configuration uuid&gt;-&lt;slot index&gt;". Stable because configuration IDs are name-based.</summary>
public static class OneAutoImageIds
{
    public static string Format(Guid configuration, OneAutoSlot slot)
    {
        ArgumentNullException.ThrowIfNull(slot);
        return $"{configuration:D}-{slot.Index}";
    }

    public static bool TryParse(string? text, out Guid configuration, [NotNullWhen(true)] out OneAutoSlot? slot)
    {
        configuration = Guid.Empty;
        slot = null;
        var dash = text?.LastIndexOf('-') ?? -1;
        return text is not null && dash == 36 && Guid.TryParseExact(text[..dash], "D", out configuration) &&
               int.TryParse(text.AsSpan(dash + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index) &&
               (slot = OneAutoViews.ByIndex(index)) is not null;
    }
}
