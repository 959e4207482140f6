using System.Text.RegularExpressions;

using VehicleImages.Domain.Text;

namespace VehicleImages.Domain.Images;

/// <summary>Maps licence text from a manifest onto a licence class, or admits it cannot.</summary>
public static partial class Licenses
{
    /// <summary>
    /// Reads the five class names and common Creative Commons identifiers. Free text that names no licence
    /// ("no explicit licence; research dataset") gives null: an unknown licence must never pass a licence filter.
    /// </summary>
    public static License? Classify(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var trimmed = text.Trim();
        if (EnumNames.TryParse<License>(trimmed, out var named))
        {
            return named;
        }

        var lower = trimmed.ToLowerInvariant();
        if (lower.StartsWith("cc0", StringComparison.Ordinal) || lower.StartsWith("public domain", StringComparison.Ordinal) || lower == "pd")
        {
            return License.Public;
        }

        var cc = CreativeCommons().Match(lower);
        if (!cc.Success)
        {
            return null;
        }

        var terms = cc.Groups["terms"].Value;
        var nonCommercial = terms.Contains("nc", StringComparison.Ordinal);
        var noDerivatives = terms.Contains("nd", StringComparison.Ordinal);
        return (nonCommercial, noDerivatives) switch
        {
            (false, false) => License.ModifyCommercially,
            (true, false) => License.Modify,
            (false, true) => License.ShareCommercially,
            (true, true) => License.Share,
        };
    }

    /// <summary>
    /// The licences that allow a use: an image licensed ModifyCommercially may also be shared, so a search for
    /// Share returns it too. Public domain allows everything; Public asks for public domain only.
    /// </summary>
    public static IReadOnlySet<License> Permitting(License use) => use switch
    {
        License.Public => new HashSet<License> { License.Public },
        License.Share => new HashSet<License> { License.Public, License.Share, License.ShareCommercially, License.Modify, License.ModifyCommercially },
        License.ShareCommercially => new HashSet<License> { License.Public, License.ShareCommercially, License.ModifyCommercially },
        License.Modify => new HashSet<License> { License.Public, License.Modify, License.ModifyCommercially },
        License.ModifyCommercially => new HashSet<License> { License.Public, License.ModifyCommercially },
        _ => throw new ArgumentOutOfRangeException(nameof(use), use, null),
    };

    // "CC BY", "CC-BY-NC-SA-4.0", "cc by nd 2.0 (author)": the terms, then an optional version, then the end or a
    // separator. An unrecognised term ("CC BY-NonCommercial", "CC-BY-NCSA") fails the match: unknown, not permissive.
    [GeneratedRegex(@"^cc[ -]?(?<terms>by(?:[ -](?:nc|nd|sa))*)(?:[ -]?v?\d+(?:\.\d+)?)?(?:$|[\s(;,])")]
    private static partial Regex CreativeCommons();
}
