using VehicleImages.Domain.Colours;

namespace VehicleImages.Vision.Colour;

/// <summary>
/// Decides the paint from the shares of the car's pixels. Glass, tyres and shadow are dark on every car, so black
/// needs a share well above what they make, and a light shade wins over them with much less; a hue wins when
/// enough of the car shows it. The three shares are learnt from labelled photos (<see cref="Fit"/>), not guessed.
/// </summary>
/// <param name="MinHueShare">Share of the car a saturated hue needs to name it.</param>
/// <param name="MinBlackShare">Share of dark pixels that makes a car black rather than a lighter grey.</param>
/// <param name="MinLightShare">Share a lighter grey (white, then silver) needs to win over a darker one.</param>
public sealed record ColourRule(double MinHueShare, double MinBlackShare, double MinLightShare)
{
    private static readonly GenericColour[] LightestFirst = [GenericColour.White, GenericColour.Silver, GenericColour.Grey];

    public MeasuredColour? Decide(ColourShares? measured)
    {
        if (measured is null || measured.Shares.Count == 0)
        {
            return null;
        }

        var hue = measured.Shares.Where(entry => !entry.Key.IsAchromatic()).OrderByDescending(entry => entry.Value.Share).FirstOrDefault();
        if (hue.Value is { } chromatic && chromatic.Share >= MinHueShare)
        {
            return new MeasuredColour(hue.Key, chromatic.Hex, chromatic.Share);
        }

        if (measured.Of(GenericColour.Black) >= MinBlackShare)
        {
            return Named(measured, GenericColour.Black);
        }

        foreach (var light in LightestFirst)
        {
            if (measured.Of(light) >= MinLightShare)
            {
                return Named(measured, light);
            }
        }

        var largest = measured.Shares.Where(entry => entry.Key.IsAchromatic()).OrderByDescending(entry => entry.Value.Share).FirstOrDefault();
        return largest.Value is null ? null : Named(measured, largest.Key);
    }

    /// <summary>
    /// The rule that names most of <paramref name="labelled"/> correctly, searched over a grid of shares; ties go to
    /// the rule nearest the middle of the grid, so a flat optimum does not drift to an edge.
    /// </summary>
    public static ColourRule Fit(IReadOnlyList<(ColourShares? Shares, GenericColour Colour)> labelled)
    {
        ArgumentNullException.ThrowIfNull(labelled);
        var grid = Enumerable.Range(1, 12).Select(step => step * 0.05).ToArray();
        return (from hue in grid
                from black in grid
                from light in grid
                let rule = new ColourRule(hue, black, light)
                let correct = labelled.Count(example => rule.Decide(example.Shares)?.Colour == example.Colour)
                orderby correct descending, Math.Abs(hue - 0.3) + Math.Abs(black - 0.3) + Math.Abs(light - 0.3)
                select rule).First();
    }

    private static MeasuredColour Named(ColourShares measured, GenericColour colour) =>
        new(colour, measured.Shares[colour].Hex, measured.Of(colour));
}
