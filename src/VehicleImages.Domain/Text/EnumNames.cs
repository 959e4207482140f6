namespace VehicleImages.Domain.Text;

/// <summary>Reads an enumeration value by its exact name, ignoring case and surrounding space.</summary>
public static class EnumNames
{
    /// <summary>
    /// Unlike Enum.TryParse, refuses numbers ("3", "+3") and comma lists ("Retail, Wholesale" would otherwise
    /// combine into a third value): text from a manifest names one value or none.
    /// </summary>
    public static bool TryParse<T>(string? text, out T value)
        where T : struct, Enum
    {
        var trimmed = text?.Trim();
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (string.Equals(trimmed, candidate.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }
}
