using System.Globalization;
using VehicleImages.Domain.Colours;
using VehicleImages.Domain.Images;
using VehicleImages.Domain.Text;
using VehicleImages.Domain.Vehicles;

namespace VehicleImages.Application.Ingest.Labels;

/// <summary>
/// Checks raw labels against the domain vocabularies. A row that lacks make or model, or carries a value that
/// does not parse, is rejected with its reason: labels are never invented or guessed.
/// </summary>
public static class LabelResolver
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy-MM-ddTHH:mm:ssK", "yyyy-MM-ddTHH:mm:ss.FFFFFFFK", "yyyy-MM-ddTHH:mm:ss"];

    public static bool TryResolve(RawLabels raw, out ImageLabels labels, out IngestRejection rejection)
    {
        ArgumentNullException.ThrowIfNull(raw);
        labels = null!;
        rejection = null!;

        if (Blank(raw.Make))
        {
            rejection = new("missing_make", "no make: give a make column or --make");
            return false;
        }

        if (Blank(raw.Model))
        {
            rejection = new("missing_model", "no model: give a model column or --model");
            return false;
        }

        YearRange? years = null;
        if (!Blank(raw.Year))
        {
            if (!YearRange.TryParse(raw.Year, out var parsed))
            {
                rejection = new("invalid_year", $"year '{raw.Year}' is not a year (2019) or a range (2006-2014)");
                return false;
            }

            years = parsed;
        }

        var view = View.Unknown;
        if (!Blank(raw.View) && !ViewNames.TryParse(raw.View, out view))
        {
            rejection = new("invalid_view", $"view '{raw.View}' is not a known view or angle (e.g. front, front three-quarter, side, rear_left, interior)");
            return false;
        }

        var photoType = ViewNames.PhotoTypeOf(view);
        if (!Blank(raw.PhotoType))
        {
            if (!EnumNames.TryParse(raw.PhotoType, out photoType))
            {
                rejection = new("invalid_photo_type", $"photo type '{raw.PhotoType}' is not exterior, interior or engine");
                return false;
            }

            if (view != View.Unknown && ViewNames.PhotoTypeOf(view) != photoType)
            {
                rejection = new("invalid_photo_type", $"photo type '{raw.PhotoType}' contradicts view '{raw.View}'");
                return false;
            }
        }

        int? sequence = null;
        if (!Blank(raw.Sequence))
        {
            if (!int.TryParse(raw.Sequence.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var position) || position < 1)
            {
                rejection = new("invalid_sequence", $"sequence '{raw.Sequence}' is not a positive whole number");
                return false;
            }

            sequence = position;
        }

        DateOnly? published = null;
        if (!Blank(raw.DatePublished))
        {
            if (!DateTimeOffset.TryParseExact(raw.DatePublished.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
            {
                rejection = new("invalid_date", $"date published '{raw.DatePublished}' is not an ISO 8601 date (2024-05-17)");
                return false;
            }

            // The calendar date as written, not shifted to UTC: "2024-05-17T23:30-02:00" was published on the 17th.
            published = DateOnly.FromDateTime(date.DateTime);
        }

        var (source, provenance) = ReadSource(raw.Source);
        var license = Licenses.Classify(raw.License);
        labels = new ImageLabels(new VehicleConfiguration(raw.Make!, raw.Model!, raw.Trim, raw.Body, years))
        {
            View = view,
            PhotoType = photoType,
            PhotoTypeGiven = view != View.Unknown || !Blank(raw.PhotoType),
            ColourName = Trimmed(raw.Colour),
            Colour = GenericColours.FromName(raw.Colour),
            Source = source,
            Provenance = provenance,
            License = license,
            LicenseNote = license is null || !EnumNames.TryParse<License>(raw.License, out _) ? Trimmed(raw.License) : null,
            Attribution = Trimmed(raw.Attribution),
            ContextLink = Trimmed(raw.ContextLink),
            Vin = Trimmed(raw.Vin)?.ToUpperInvariant(),
            Sequence = sequence,
            Registration = Trimmed(raw.Registration) is { } registration ? Registrations.Normalise(registration) : null,
            DatePublished = published,
        };
        return true;
    }

    // Manifests use "source" both for the class (retail, wholesale...) and for where a file came from; only the
    // former is a label, the latter is kept as provenance.
    private static (ImageSource Source, string? Provenance) ReadSource(string? text)
    {
        if (Blank(text))
        {
            return (ImageSource.Stock, null);
        }

        return EnumNames.TryParse<ImageSource>(text, out var source) ? (source, null) : (ImageSource.Stock, text.Trim());
    }

    private static bool Blank([System.Diagnostics.CodeAnalysis.NotNullWhen(false)] string? text) => string.IsNullOrWhiteSpace(text);

    private static string? Trimmed(string? text) => Blank(text) ? null : text.Trim();
}
