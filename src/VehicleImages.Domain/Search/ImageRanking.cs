using VehicleImages.Domain.Images;
using VehicleImages.Domain.Text;

namespace VehicleImages.Domain.Search;

/// <summary>
/// The order search results come in, most wanted first: the requested trim, a configuration whose years are
/// known, the requested colour, a cut-out when transparency is preferred, the hero view (front three-quarter),
/// a good quality verdict, more pixels, and finally the ID so that the order is total and stable.
/// </summary>
public static class ImageRanking
{
    /// <summary>Views shown first: the front three-quarter "hero" shot.</summary>
    public static readonly IReadOnlySet<View> HeroViews = new HashSet<View> { View.FrontLeft, View.FrontRight, View.FrontThreeQuarter };

    public static IComparer<ImageMatch> Comparer(ImageSearch search)
    {
        ArgumentNullException.ThrowIfNull(search);
        var trimKey = MatchKey.Of(search.Trim);
        return Comparer<ImageMatch>.Create((a, b) =>
        {
            int Prefer(bool x, bool y) => y.CompareTo(x);
            var order = 0;
            if (trimKey.Length > 0)
            {
                order = Prefer(MatchKey.Of(a.Configuration.Trim) == trimKey, MatchKey.Of(b.Configuration.Trim) == trimKey);
            }

            if (order == 0 && search.Year is not null)
            {
                order = Prefer(a.Configuration.Years is not null, b.Configuration.Years is not null);
            }

            if (order == 0 && search.Colour is { } colour)
            {
                order = Prefer(a.Image.Colour == colour, b.Image.Colour == colour);
            }

            if (order == 0 && search.PreferTransparent)
            {
                order = Prefer(a.Image.HasAlpha, b.Image.HasAlpha);
            }

            if (order == 0)
            {
                order = Prefer(HeroViews.Contains(a.Image.View), HeroViews.Contains(b.Image.View));
            }

            if (order == 0)
            {
                order = Prefer(a.Image.Quality.IsGood, b.Image.Quality.IsGood);
            }

            if (order == 0)
            {
                order = ((long)b.Image.Width * b.Image.Height).CompareTo((long)a.Image.Width * a.Image.Height);
            }

            return order != 0 ? order : a.Image.Id.Value.CompareTo(b.Image.Id.Value);
        });
    }
}
