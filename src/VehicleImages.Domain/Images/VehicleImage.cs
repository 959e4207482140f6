using VehicleImages.Domain.Colours;
using VehicleImages.Domain.Quality;
using VehicleImages.Domain.Renditions;

namespace VehicleImages.Domain.Images;

/// <summary>One original image in the library: what it shows, where it came from, and what it is like.</summary>
public sealed record VehicleImage
{
    public required ImageId Id { get; init; }

    public required ContentHash Hash { get; init; }

    public required Guid ConfigurationId { get; init; }

    public View View { get; init; }

    public PhotoType PhotoType { get; init; }

    /// <summary>The colour as the source named it ("Glacier White"); null when it did not say.</summary>
    public string? ColourName { get; init; }

    public GenericColour? Colour { get; init; }

    public ImageSource Source { get; init; }

    /// <summary>Where the file came from when the source column held a provenance note rather than a source class.</summary>
    public string? Provenance { get; init; }

    /// <summary>The VIN of the one vehicle an inventory photo shows; null for stock and press images.</summary>
    public string? Vin { get; init; }

    /// <summary>Position in the vehicle's gallery, for inventory photos.</summary>
    public int? Sequence { get; init; }

    /// <summary>A UK registration mark, only when the ingested row carried one.</summary>
    public string? Registration { get; init; }

    public License? License { get; init; }

    /// <summary>The licence text as given, kept when it does not map to a class.</summary>
    public string? LicenseNote { get; init; }

    public string? Attribution { get; init; }

    /// <summary>Where the image was published (the page, not the file).</summary>
    public string? ContextLink { get; init; }

    public DateOnly? DatePublished { get; init; }

    public required ImageFormat Format { get; init; }

    public required int Width { get; init; }

    public required int Height { get; init; }

    public required long ByteSize { get; init; }

    public bool HasAlpha { get; init; }

    /// <summary>Six hex digits, no '#', as CarsXE's accentColor.</summary>
    public required string AccentColour { get; init; }

    public required ulong PerceptualHash { get; init; }

    public required QualityVerdict Quality { get; init; }

    /// <summary>Where the view, photo type, colour and verdict came from: given, predicted or curated.</summary>
    public LabelOrigins Origins { get; init; } = LabelOrigins.Unknown;

    /// <summary>What the vision stage saw; null when vision was off when the image was ingested.</summary>
    public Vision.VisionPrediction? Vision { get; init; }

    /// <summary>The default renditions made at ingest; others are made on first request.</summary>
    public IReadOnlyList<StoredRendition> Renditions { get; init; } = [];

    public required DateTimeOffset IngestedAt { get; init; }
}
