namespace VehicleImages.Domain.Images;

/// <summary>The eight exterior views as positions around the car, an eighth of a turn apart.</summary>
public static class ViewRing
{
    /// <summary>Clockwise seen from above, from the front: OneAuto's indexes 1–8.</summary>
    public static IReadOnlyList<View> Clockwise { get; } =
        [View.Front, View.FrontRight, View.Right, View.RearRight, View.Rear, View.RearLeft, View.Left, View.FrontLeft];

    /// <summary>The handed views a view may be: itself, or both sides of an unhanded one ("side" is left or right).</summary>
    public static IReadOnlyList<View> Candidates(View view) => view switch
    {
        View.FrontThreeQuarter => [View.FrontLeft, View.FrontRight],
        View.Side => [View.Left, View.Right],
        View.RearThreeQuarter => [View.RearLeft, View.RearRight],
        _ => [view],
    };

    /// <summary>Eighths of a turn between two handed exterior views (0–4).</summary>
    public static int Distance(View a, View b)
    {
        var (i, j) = (IndexOf(a), IndexOf(b));
        var steps = Math.Abs(i - j);
        return Math.Min(steps, 8 - steps);
    }

    /// <summary>The view seen in a mirror image: left and right swap.</summary>
    public static View Mirrored(View view) => view switch
    {
        View.FrontRight => View.FrontLeft,
        View.FrontLeft => View.FrontRight,
        View.Right => View.Left,
        View.Left => View.Right,
        View.RearRight => View.RearLeft,
        View.RearLeft => View.RearRight,
        _ => view,
    };

    private static int IndexOf(View view)
    {
        for (var i = 0; i < Clockwise.Count; i++)
        {
            if (Clockwise[i] == view)
            {
                return i;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(view), view, "Only the eight handed exterior views are on the ring.");
    }
}
