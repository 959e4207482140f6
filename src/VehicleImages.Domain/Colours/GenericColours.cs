using System.Collections.Frozen;
using VehicleImages.Domain.Text;

namespace VehicleImages.Domain.Colours;

/// <summary>Reads generic and OEM colour names, and measures how far apart two generic colours look.</summary>
public static class GenericColours
{
    // OEM marketing words that name a generic colour without using its name. Finish words (pearl, metallic,
    // mica, racing) are left out on purpose: "Crystal Black Pearl" is black, not white.
    private static readonly FrozenDictionary<string, GenericColour> ByWord = new Dictionary<string, GenericColour>
    {
        ["black"] = GenericColour.Black, ["obsidian"] = GenericColour.Black, ["ebony"] = GenericColour.Black,
        ["onyx"] = GenericColour.Black, ["jet"] = GenericColour.Black,
        ["white"] = GenericColour.White, ["alabaster"] = GenericColour.White,
        ["snow"] = GenericColour.White, ["glacier"] = GenericColour.White, ["chalk"] = GenericColour.White,
        ["silver"] = GenericColour.Silver, ["platinum"] = GenericColour.Silver, ["titanium"] = GenericColour.Silver,
        ["aluminium"] = GenericColour.Silver, ["aluminum"] = GenericColour.Silver, ["sterling"] = GenericColour.Silver,
        ["grey"] = GenericColour.Grey, ["gray"] = GenericColour.Grey, ["graphite"] = GenericColour.Grey,
        ["gunmetal"] = GenericColour.Grey, ["charcoal"] = GenericColour.Grey, ["slate"] = GenericColour.Grey,
        ["anthracite"] = GenericColour.Grey, ["magnetic"] = GenericColour.Grey,
        ["blue"] = GenericColour.Blue, ["navy"] = GenericColour.Blue, ["cobalt"] = GenericColour.Blue,
        ["sapphire"] = GenericColour.Blue, ["azure"] = GenericColour.Blue, ["indigo"] = GenericColour.Blue,
        ["red"] = GenericColour.Red, ["crimson"] = GenericColour.Red, ["burgundy"] = GenericColour.Red,
        ["maroon"] = GenericColour.Red, ["ruby"] = GenericColour.Red, ["scarlet"] = GenericColour.Red,
        ["cherry"] = GenericColour.Red, ["rosso"] = GenericColour.Red,
        ["green"] = GenericColour.Green, ["emerald"] = GenericColour.Green, ["olive"] = GenericColour.Green,
        ["lime"] = GenericColour.Green, ["jade"] = GenericColour.Green,
        ["brown"] = GenericColour.Brown, ["bronze"] = GenericColour.Brown, ["chocolate"] = GenericColour.Brown,
        ["mocha"] = GenericColour.Brown, ["espresso"] = GenericColour.Brown, ["copper"] = GenericColour.Brown,
        ["beige"] = GenericColour.Beige, ["tan"] = GenericColour.Beige, ["sand"] = GenericColour.Beige,
        ["champagne"] = GenericColour.Beige, ["cream"] = GenericColour.Beige, ["ivory"] = GenericColour.Beige,
        ["gold"] = GenericColour.Gold, ["golden"] = GenericColour.Gold,
        ["orange"] = GenericColour.Orange, ["tangerine"] = GenericColour.Orange, ["amber"] = GenericColour.Orange,
        ["purple"] = GenericColour.Purple, ["violet"] = GenericColour.Purple, ["plum"] = GenericColour.Purple,
        ["amethyst"] = GenericColour.Purple, ["aubergine"] = GenericColour.Purple,
        ["yellow"] = GenericColour.Yellow, ["giallo"] = GenericColour.Yellow, ["lemon"] = GenericColour.Yellow,
    }.ToFrozenDictionary();

    // Typical sRGB of each colour on a car body, for "nearest colour" fallbacks. Sorted by colour so that ties in
    // Nearest resolve the same way every time.
    private static readonly SortedDictionary<GenericColour, (byte R, byte G, byte B)> Reference = new()
    {
        [GenericColour.Black] = (20, 20, 22),
        [GenericColour.White] = (240, 240, 238),
        [GenericColour.Silver] = (190, 192, 195),
        [GenericColour.Grey] = (110, 112, 115),
        [GenericColour.Blue] = (30, 60, 150),
        [GenericColour.Red] = (180, 20, 25),
        [GenericColour.Green] = (30, 100, 50),
        [GenericColour.Brown] = (100, 65, 40),
        [GenericColour.Beige] = (210, 195, 160),
        [GenericColour.Gold] = (200, 165, 70),
        [GenericColour.Orange] = (230, 110, 20),
        [GenericColour.Purple] = (90, 40, 120),
        [GenericColour.Yellow] = (240, 200, 20),
    };

    /// <summary>
    /// The generic colour an OEM or generic name denotes: the last word that names one wins, so
    /// "Glacier White" is White and "Blue Steel Grey" is Grey. Null when no word names a colour.
    /// </summary>
    public static GenericColour? FromName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        var words = name.Split([' ', '-', '_', '/', ',', '.'], StringSplitOptions.RemoveEmptyEntries);
        for (var i = words.Length - 1; i >= 0; i--)
        {
            if (ByWord.TryGetValue(MatchKey.Of(words[i]), out var colour))
            {
                return colour;
            }
        }

        return null;
    }

    // Shades that light, shadow and naming blur into each other: a silver car in shade is grey, a dark blue one at
    // night is black. A measurement that names the neighbour of a label does not contradict it.
    private static readonly FrozenSet<(GenericColour, GenericColour)> Neighbours = new (GenericColour, GenericColour)[]
    {
        (GenericColour.Silver, GenericColour.Grey), (GenericColour.Silver, GenericColour.White), (GenericColour.Grey, GenericColour.Black),
        (GenericColour.Blue, GenericColour.Black), (GenericColour.Beige, GenericColour.White), (GenericColour.Beige, GenericColour.Brown),
        (GenericColour.Beige, GenericColour.Gold), (GenericColour.Gold, GenericColour.Yellow), (GenericColour.Gold, GenericColour.Brown),
        (GenericColour.Orange, GenericColour.Red), (GenericColour.Orange, GenericColour.Yellow), (GenericColour.Orange, GenericColour.Brown),
        (GenericColour.Purple, GenericColour.Blue), (GenericColour.Purple, GenericColour.Red), (GenericColour.Brown, GenericColour.Red),
    }.SelectMany(pair => new[] { pair, (pair.Item2, pair.Item1) }).ToFrozenSet();

    /// <summary>Whether two colours are the same or shades a photo can make look alike.</summary>
    public static bool AreNear(GenericColour a, GenericColour b) => a == b || Neighbours.Contains((a, b));

    /// <summary>The display name clients send and receive ("Grey", never "Gray").</summary>
    public static string Name(GenericColour colour) => colour.ToString();

    /// <summary>Squared distance between the reference colours, for ranking fallbacks by how close they look.</summary>
    public static int Distance(GenericColour a, GenericColour b)
    {
        var (r1, g1, b1) = Reference[a];
        var (r2, g2, b2) = Reference[b];
        return Square(r1 - r2) + Square(g1 - g2) + Square(b1 - b2);
    }

    /// <summary>The generic colour whose reference is nearest to an sRGB colour.</summary>
    public static GenericColour Nearest(byte r, byte g, byte b)
    {
        var best = GenericColour.Black;
        var bestDistance = int.MaxValue;
        foreach (var (colour, reference) in Reference)
        {
            var distance = Square(r - reference.R) + Square(g - reference.G) + Square(b - reference.B);
            if (distance < bestDistance)
            {
                best = colour;
                bestDistance = distance;
            }
        }

        return best;
    }

    private static int Square(int x) => x * x;
}
