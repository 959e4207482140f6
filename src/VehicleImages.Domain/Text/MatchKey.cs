using System.Globalization;
using System.Text;

namespace VehicleImages.Domain.Text;

/// <summary>Folds a make, model or trim name into the key that forgiving lookups compare.</summary>
public static class MatchKey
{
    /// <summary>Lower-case letters and digits only: "F-PACE", "f pace" and "F_Pace" all become "fpace".</summary>
    public static string Of(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        // Decompose first so "Citroën" and "Citroen" meet; the combining marks are then dropped as non-alphanumerics.
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var key = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                key.Append(char.ToLowerInvariant(c));
            }
            else if (char.IsLetterOrDigit(c) && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                key.Append(char.ToLowerInvariant(c));
            }
        }

        return key.ToString();
    }
}
