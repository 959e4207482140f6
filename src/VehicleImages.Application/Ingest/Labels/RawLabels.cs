namespace VehicleImages.Application.Ingest.Labels;

/// <summary>Labels as a manifest row or the command line gives them: text, unchecked. Blank means not given.</summary>
public sealed record RawLabels
{
    public string? Make { get; init; }

    public string? Model { get; init; }

    public string? Year { get; init; }

    public string? Trim { get; init; }

    public string? Body { get; init; }

    /// <summary>A view or CarsXE angle: "front three-quarter", "front_left", "interior"...</summary>
    public string? View { get; init; }

    public string? Colour { get; init; }

    public string? PhotoType { get; init; }

    public string? License { get; init; }

    public string? ContextLink { get; init; }

    public string? Attribution { get; init; }

    /// <summary>stock, retail, wholesale or press; any other text is kept as provenance.</summary>
    public string? Source { get; init; }

    public string? Vin { get; init; }

    public string? Sequence { get; init; }

    public string? Registration { get; init; }

    public string? DatePublished { get; init; }

    public static RawLabels None { get; } = new();

    /// <summary>Fills every field this row left blank from <paramref name="defaults"/>.</summary>
    public RawLabels WithDefaults(RawLabels defaults)
    {
        ArgumentNullException.ThrowIfNull(defaults);
        return new RawLabels
        {
            Make = Pick(Make, defaults.Make),
            Model = Pick(Model, defaults.Model),
            Year = Pick(Year, defaults.Year),
            Trim = Pick(Trim, defaults.Trim),
            Body = Pick(Body, defaults.Body),
            View = Pick(View, defaults.View),
            Colour = Pick(Colour, defaults.Colour),
            PhotoType = Pick(PhotoType, defaults.PhotoType),
            License = Pick(License, defaults.License),
            ContextLink = Pick(ContextLink, defaults.ContextLink),
            Attribution = Pick(Attribution, defaults.Attribution),
            Source = Pick(Source, defaults.Source),
            Vin = Pick(Vin, defaults.Vin),
            Sequence = Pick(Sequence, defaults.Sequence),
            Registration = Pick(Registration, defaults.Registration),
            DatePublished = Pick(DatePublished, defaults.DatePublished),
        };
    }

    private static string? Pick(string? own, string? fallback) => string.IsNullOrWhiteSpace(own) ? fallback : own;
}
