using System.Globalization;

namespace VehicleImages.Domain.Vehicles;

/// <summary>The model years a vehicle configuration covers, inclusive at both ends.</summary>
public readonly record struct YearRange
{
    public const int Earliest = 1886;
    public const int Latest = 2100;

    public YearRange(int from, int to)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(from, Earliest);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(to, Latest);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(from, to);

        From = from;
        To = to;
    }

    public int From { get; }

    public int To { get; }

    public bool Contains(int year) => year >= From && year <= To;

    public static YearRange OneYear(int year) => new(year, year);

    /// <summary>Reads "2019" or "2006-2014" (also with an en dash); false for anything else.</summary>
    public static bool TryParse(string? text, out YearRange range)
    {
        range = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var parts = text.Trim().Split(['-', '–', '/'], 2, StringSplitOptions.TrimEntries);
        if (!TryParseYear(parts[0], out var from))
        {
            return false;
        }

        var to = from;
        if (parts.Length == 2 && !TryParseYear(parts[1], out to))
        {
            return false;
        }

        if (from > to)
        {
            return false;
        }

        range = new YearRange(from, to);
        return true;
    }

    public override string ToString() =>
        From == To ? From.ToString(CultureInfo.InvariantCulture) : $"{From}-{To}";

    private static bool TryParseYear(string text, out int year) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out year) && year is >= Earliest and <= Latest;
}
