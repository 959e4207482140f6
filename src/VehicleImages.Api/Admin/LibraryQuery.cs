using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Microsoft.AspNetCore.Http;
using VehicleImages.Domain.Colours;
using VehicleImages.Domain.Images;
using VehicleImages.Domain.Quality;
using VehicleImages.Domain.Text;
using VehicleImages.Domain.Vehicles;
using VehicleImages.Storage.Curation;

namespace VehicleImages.Api.Admin;

/// <summary>
/// Reads the library's filter from a query string. An absent parameter does not filter; one present but empty asks
/// for images without that field (no years, no trim, unknown colour or licence). Bad values are a problem that
/// names the parameter and what it takes.
/// </summary>
internal static class LibraryQuery
{
    public const int DefaultLimit = 60;
    public const int MaxLimit = 200;

    /// <summary>Images the vision stage sees differently from their view, colour or photo type label: any of the three mismatch reasons.</summary>
    public const string LabelMismatch = "label_mismatch";

    private const string Good = "good";
    private const string Flagged = "flagged";

    /// <summary>What <c>quality</c> takes: good, flagged, label_mismatch, or one reason.</summary>
    public static IReadOnlyList<string> QualityValues { get; } = [Good, Flagged, LabelMismatch, .. QualityReasons.Known];

    public static bool TryRead(IQueryCollection query, [NotNullWhen(true)] out LibraryFilter? filter, out string problem)
    {
        filter = null;
        problem = "";
        var read = new LibraryFilter
        {
            Make = Text(query, "make"),
            Model = Text(query, "model"),
            Trim = query.ContainsKey("trim") ? query["trim"].ToString().Trim() : null,
            Vin = Text(query, "vin")?.ToUpperInvariant(),
        };

        if (query.TryGetValue("years", out var yearsText))
        {
            if (yearsText.ToString().Trim() is { Length: > 0 } text)
            {
                if (!YearRange.TryParse(text, out var years))
                {
                    problem = "'years' must be a year (2019), a range (2016-2018), or empty for configurations without years.";
                    return false;
                }

                read = read with { Years = years };
            }
            else
            {
                read = read with { Years = default(YearRange) };
            }
        }

        if (Text(query, "view") is { } viewName)
        {
            if (!ViewNames.TryParse(viewName, out var view))
            {
                problem = $"'view' must be one of {string.Join(", ", Vocabulary.Views)}.";
                return false;
            }

            read = read with { View = view };
        }

        if (!TryEnum<PhotoType>(query, "photoType", out var photoType, ref problem) ||
            !TryEnum<ImageSource>(query, "source", out var source, ref problem) ||
            !TryBlankableEnum<GenericColour>(query, "colour", out var colour, ref problem) ||
            !TryBlankableEnum<License>(query, "licence", out var licence, ref problem) ||
            !TryQuality(query, out var quality, ref problem))
        {
            return false;
        }

        filter = read with { PhotoType = photoType, Source = source, Colour = colour, License = licence, Quality = quality };
        return true;
    }

    public static bool TryReadPage(IQueryCollection query, out int offset, out int limit, out string problem)
    {
        (offset, limit, problem) = (0, DefaultLimit, "");
        if (Text(query, "offset") is { } offsetText && !(int.TryParse(offsetText, NumberStyles.None, CultureInfo.InvariantCulture, out offset) && offset >= 0))
        {
            problem = "'offset' must be a whole number, 0 or more.";
            return false;
        }

        if (Text(query, "limit") is { } limitText && !(int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) && limit is >= 1 and <= MaxLimit))
        {
            problem = $"'limit' must be a whole number from 1 to {MaxLimit}.";
            return false;
        }

        return true;
    }

    private static string? Text(IQueryCollection query, string name) => query[name].ToString().Trim() is { Length: > 0 } text ? text : null;

    private static bool TryEnum<T>(IQueryCollection query, string name, out T? value, ref string problem)
        where T : struct, Enum
    {
        value = null;
        if (Text(query, name) is not { } text)
        {
            return true;
        }

        if (!EnumNames.TryParse<T>(text, out var parsed))
        {
            problem = $"'{name}' must be one of {string.Join(", ", Enum.GetNames<T>().Select(n => n.ToLowerInvariant()))}.";
            return false;
        }

        value = parsed;
        return true;
    }

    // Present but empty asks for images without the field: the type's zero value, which no member uses.
    private static bool TryBlankableEnum<T>(IQueryCollection query, string name, out T? value, ref string problem)
        where T : struct, Enum
    {
        if (query.ContainsKey(name) && Text(query, name) is null)
        {
            value = default(T);
            return true;
        }

        return TryEnum(query, name, out value, ref problem);
    }

    private static bool TryQuality(IQueryCollection query, out QualityIssues? quality, ref string problem)
    {
        quality = null;
        switch (Text(query, "quality"))
        {
            case null:
                return true;
            case Good:
                quality = QualityIssues.None;
                return true;
            case Flagged:
                quality = Enum.GetValues<QualityIssues>().Aggregate((all, issue) => all | issue);
                return true;
            case LabelMismatch:
                quality = QualityIssues.LabelMismatchView | QualityIssues.LabelMismatchColour | QualityIssues.LabelMismatchPhotoType;
                return true;
            case var reason when QualityReasons.TryParse(reason, out var issue):
                quality = issue;
                return true;
            default:
                problem = $"'quality' must be one of {string.Join(", ", QualityValues)}.";
                return false;
        }
    }
}
