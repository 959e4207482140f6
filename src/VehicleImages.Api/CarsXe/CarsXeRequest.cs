using System.Globalization;
using Microsoft.AspNetCore.Http;
using VehicleImages.Domain.Colours;
using VehicleImages.Domain.Images;
using VehicleImages.Domain.Search;
using VehicleImages.Domain.Text;
using VehicleImages.Domain.Vocabulary;

namespace VehicleImages.Api.CarsXe;

/// <summary>The sizes CarsXE's size parameter names; All is the original.</summary>
internal enum CarsXeSize
{
    All,
    Small,
    Medium,
    Large,
    Wallpaper,
}

/// <summary>A checked /images request: the search to run and how to answer.</summary>
internal sealed record CarsXeRequest(ImageSearch Search, CarsXeSize Size, bool Xml, IReadOnlyDictionary<string, string> Echo);

/// <summary>
/// Reads /images query parameters exactly as CarsXE documents them: enumerations are case-sensitive, and any
/// other value is a 400 that names the parameter and lists what is allowed (never a silent empty result).
/// </summary>
internal static class CarsXeRequests
{
    private static readonly string[] PhotoTypes = ["interior", "exterior", "engine"];
    private static readonly string[] Sizes = ["Small", "Medium", "Large", "Wallpaper", "All"];
    private static readonly string[] LicenseNames = ["Public", "Share", "ShareCommercially", "Modify", "ModifyCommercially"];
    private static readonly string[] Formats = ["json", "xml"];
    private static readonly string[] Booleans = ["true", "false"];

    // Echoed back in "query": everything the client sent but its key and the SDKs' source tag.
    private static readonly HashSet<string> NotEchoed = new(StringComparer.OrdinalIgnoreCase) { "key", "source" };

    private const int MaxTextLength = 100;

    /// <summary>Whether the client asked for XML, read before anything else so that errors come in the same format.</summary>
    public static bool WantsXml(IQueryCollection query) => query["format"].ToString() == "xml";

    /// <summary>The parameters as the client sent them, for the "query" field: all but the key and the SDKs' source tag.</summary>
    public static IReadOnlyDictionary<string, string> Echo(IQueryCollection query) =>
        query.Where(p => !NotEchoed.Contains(p.Key)).ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.Ordinal);

    public static bool TryRead(IQueryCollection query, out CarsXeRequest request, out string error)
    {
        request = null!;
        error = "";
        var echo = Echo(query);

        if (!Text(query, "make", required: true, out var make, ref error) || !Text(query, "model", required: true, out var model, ref error) ||
            !Text(query, "trim", required: false, out var trim, ref error) || !Text(query, "color", required: false, out var color, ref error))
        {
            return false;
        }

        int? year = null;
        if (Given(query, "year") is { } yearText)
        {
            if (!int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) || parsed is < 1886 or > 2100)
            {
                error = $"Invalid value '{yearText}' for parameter 'year': expected a model year such as 2019.";
                return false;
            }

            year = parsed;
        }

        IReadOnlySet<View>? views = null;
        if (Given(query, "angle") is { } angle)
        {
            if (!CarsXeAngles.TryViews(angle, out var angleViews))
            {
                error = Invalid("angle", angle, CarsXeAngles.Documented);
                return false;
            }

            views = angleViews;
        }

        if (!OneOf(query, "photoType", PhotoTypes, "exterior", out var photoType, ref error) ||
            !OneOf(query, "size", Sizes, "All", out var size, ref error) ||
            !OneOf(query, "format", Formats, "json", out var format, ref error) ||
            !OneOf(query, "transparent", Booleans, "true", out var transparent, ref error, ignoreCase: true) ||
            !OneOf(query, "validate", Booleans, "true", out var validate, ref error, ignoreCase: true))
        {
            return false;
        }

        License? license = null;
        if (Given(query, "license") is { } licenseText)
        {
            if (!LicenseNames.Contains(licenseText, StringComparer.Ordinal))
            {
                error = Invalid("license", licenseText, LicenseNames);
                return false;
            }

            license = Enum.Parse<License>(licenseText);
        }

        var search = new ImageSearch
        {
            Make = make!,
            Model = model!,
            Year = year,
            Trim = trim,
            Colour = GenericColours.FromName(color),
            Views = views,
            PhotoType = Enum.Parse<PhotoType>(photoType, ignoreCase: true),
            License = license,
            GoodOnly = validate.Equals("true", StringComparison.OrdinalIgnoreCase),
            PreferTransparent = transparent.Equals("true", StringComparison.OrdinalIgnoreCase),
            Limit = 10,
        };
        request = new CarsXeRequest(search, Enum.Parse<CarsXeSize>(size), format == "xml", echo);
        return true;
    }

    /// <summary>A parameter's value, or null when absent or blank.</summary>
    private static string? Given(IQueryCollection query, string name) =>
        query[name].ToString() is { Length: > 0 } value && !string.IsNullOrWhiteSpace(value) ? value : null;

    private static bool Text(IQueryCollection query, string name, bool required, out string? value, ref string error)
    {
        value = Given(query, name)?.Trim();
        if (value is null && required)
        {
            error = $"Missing required parameter '{name}'.";
            return false;
        }

        if (value is { Length: > MaxTextLength } || (value is not null && MatchKey.Of(value).Length == 0 && required))
        {
            error = $"Invalid value for parameter '{name}': expected a name of 1 to {MaxTextLength} characters with letters or digits.";
            return false;
        }

        return true;
    }

    private static bool OneOf(IQueryCollection query, string name, string[] allowed, string fallback, out string value, ref string error, bool ignoreCase = false)
    {
        var given = Given(query, name);
        value = fallback;
        if (given is null)
        {
            return true;
        }

        var match = allowed.FirstOrDefault(a => string.Equals(a, given, ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal));
        if (match is null)
        {
            error = Invalid(name, given, allowed);
            return false;
        }

        value = match;
        return true;
    }

    private static string Invalid(string name, string value, IEnumerable<string> allowed) =>
        $"Invalid value '{Shorten(value)}' for parameter '{name}'. Allowed values: {string.Join(", ", allowed)}.";

    private static string Shorten(string value) => value.Length <= 50 ? value : value[..50] + "…";
}
