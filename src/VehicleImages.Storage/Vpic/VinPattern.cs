namespace VehicleImages.Storage.Vpic;

/// <summary>
/// vPIC's pattern language, as NHTSA's decoder applies it: a pattern is matched from the start of the VIN's key
/// (positions 4–8, '|', positions 10–17) and may be shorter than it; '*' matches any one character; "[…]" matches
/// one character from a set of characters and ranges ("[0-9]", "[3457]", "[A-CH]"); anything else matches itself.
/// </summary>
internal static class VinPattern
{
    /// <summary>The key a VIN is matched on: positions 4–8, '|', positions 10–17.</summary>
    public static string KeyOf(string vin) => string.Concat(vin.AsSpan(3, 5), "|", vin.AsSpan(9, 8));

    public static bool Matches(string pattern, string key)
    {
        var k = 0;
        for (var p = 0; p < pattern.Length; p++, k++)
        {
            if (k >= key.Length)
            {
                return false;
            }

            var c = pattern[p];
            if (c == '[')
            {
                var end = pattern.IndexOf(']', p + 1);
                if (end < 0 || !InSet(pattern.AsSpan(p + 1, end - p - 1), key[k]))
                {
                    return false;
                }

                p = end;
            }
            else if (c != '*' && c != key[k])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>How many positions the pattern pins down: literal characters count 2, sets 1, wildcards 0.</summary>
    public static int Specificity(string pattern)
    {
        var score = 0;
        for (var p = 0; p < pattern.Length; p++)
        {
            switch (pattern[p])
            {
                case '*' or '|':
                    break;
                case '[':
                    score += 1;
                    p = Math.Max(p, pattern.IndexOf(']', p + 1));
                    break;
                default:
                    score += 2;
                    break;
            }
        }

        return score;
    }

    private static bool InSet(ReadOnlySpan<char> set, char c)
    {
        for (var i = 0; i < set.Length; i++)
        {
            if (i + 2 < set.Length && set[i + 1] == '-')
            {
                if (c >= set[i] && c <= set[i + 2])
                {
                    return true;
                }

                i += 2;
            }
            else if (set[i] == c)
            {
                return true;
            }
        }

        return false;
    }
}
