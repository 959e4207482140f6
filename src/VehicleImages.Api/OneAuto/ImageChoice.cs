using VehicleImages.Domain.Colours;
using VehicleImages.Domain.Images;
using VehicleImages.Domain.Vocabulary;

namespace VehicleImages.Api.OneAuto;

/// <summary>What imagefromid picked: the image, and whether its colour stands in for the one asked.</summary>
internal sealed record Chosen(VehicleImage Image, bool ColourSubstituted);

/// <summary>
/// Picks the image behind an image ID: an image that serves the asked colour (by <see cref="OneAutoSlot.Serves"/>, the
/// rule the searches' colour lists follow) or, when the client accepts it, the nearest colour; then the asked colour
/// itself before a colour-neutral cabin photo, the slot's own view before a stand-in, a cut-out when a transparent
/// background is wanted, and the largest.
/// </summary>
internal static class ImageChoice
{
    public static Chosen? Pick(IReadOnlyList<VehicleImage> candidates, OneAutoSlot slot, GenericColour? colour, bool acceptNearestColour, bool wantsTransparent)
    {
        var pool = candidates;
        var substituted = false;
        if (colour is { } asked)
        {
            pool = [.. candidates.Where(i => slot.Serves(i.View, i.Colour, asked))];
            if (pool.Count == 0)
            {
                if (!acceptNearestColour)
                {
                    return null;
                }

                // The nearest colour that has images; images without a known colour come last.
                var nearest = candidates.Where(i => i.Colour is not null).Select(i => i.Colour!.Value).Distinct()
                    .OrderBy(c => GenericColours.Distance(asked, c)).ThenBy(c => c).Cast<GenericColour?>().FirstOrDefault();
                pool = [.. candidates.Where(i => i.Colour == nearest)];
                substituted = true;
            }
        }

        var best = pool
            .OrderByDescending(i => colour is not null && i.Colour == colour)
            .ThenBy(i => IndexOf(slot, i.View))
            .ThenByDescending(i => wantsTransparent && i.HasAlpha)
            .ThenByDescending(i => (long)i.Width * i.Height)
            .ThenBy(i => i.Id.Value)
            .FirstOrDefault();
        return best is null ? null : new Chosen(best, substituted);
    }

    private static int IndexOf(OneAutoSlot slot, View view)
    {
        for (var i = 0; i < slot.Views.Count; i++)
        {
            if (slot.Views[i] == view)
            {
                return i;
            }
        }

        return int.MaxValue;
    }
}
