using System.Collections.Frozen;
using System.Text;

namespace VehicleImages.Domain.Text;

/// <summary>Folds a make, model or trim name into the key that forgiving lookups compare.</summary>
public static class MatchKey
{
    // The service runs with invariant globalization (no ICU), where string.Normalize does not decompose, so
    // accented Latin letters are folded by this table instead. It covers Latin-1 and Latin Extended-A: the
    // letters that appear in make and model names.
    private static readonly FrozenDictionary<char, string> Folds = BuildFolds();

    /// <summary>Lower-case letters and digits only: "F-PACE", "f pace" and "F_Pace" all become "fpace"; "Citroën" becomes "citroen".</summary>
    public static string Of(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var key = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                key.Append(char.ToLowerInvariant(c));
            }
            else if (Folds.TryGetValue(char.ToLowerInvariant(c), out var folded))
            {
                key.Append(folded);
            }
            else if (char.IsLetterOrDigit(c))
            {
                key.Append(char.ToLowerInvariant(c));
            }
        }

        return key.ToString();
    }

    private static FrozenDictionary<char, string> BuildFolds()
    {
        var groups = new Dictionary<string, string>
        {
            ["a"] = "àáâãäåāăą", ["c"] = "çćĉċč", ["d"] = "ďđð", ["e"] = "èéêëēĕėęě", ["g"] = "ĝğġģ", ["h"] = "ĥħ",
            ["i"] = "ìíîïĩīĭįı", ["j"] = "ĵ", ["k"] = "ķ", ["l"] = "ĺļľŀł", ["n"] = "ñńņňŉ", ["o"] = "òóôõöøōŏő",
            ["r"] = "ŕŗř", ["s"] = "śŝşš", ["t"] = "ţťŧ", ["u"] = "ùúûüũūŭůűų", ["w"] = "ŵ", ["y"] = "ýÿŷ", ["z"] = "źżž",
            ["ae"] = "æ", ["oe"] = "œ", ["ss"] = "ß", ["th"] = "þ",
        };
        var folds = new Dictionary<char, string>();
        foreach (var (ascii, letters) in groups)
        {
            foreach (var letter in letters)
            {
                folds[letter] = ascii;
            }
        }

        return folds.ToFrozenDictionary();
    }
}
