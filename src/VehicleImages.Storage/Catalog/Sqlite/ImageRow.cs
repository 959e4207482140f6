using System.Globalization;
using VehicleImages.Domain.Colours;
using VehicleImages.Domain.Images;
using VehicleImages.Domain.Quality;
using VehicleImages.Domain.Vision;

namespace VehicleImages.Storage.Catalog.Sqlite;

/// <summary>The images table as Dapper reads and writes it; converts to and from the domain type.</summary>
internal class ImageRow
{
    public long Id { get; set; }

    public byte[] Sha256 { get; set; } = [];

    public string ConfigurationId { get; set; } = "";

    public long View { get; set; }

    public long PhotoType { get; set; }

    public string? ColourName { get; set; }

    public long? Colour { get; set; }

    public long Source { get; set; }

    public string? Provenance { get; set; }

    public string? Vin { get; set; }

    public long? Sequence { get; set; }

    public string? Registration { get; set; }

    public long? License { get; set; }

    public string? LicenseNote { get; set; }

    public string? Attribution { get; set; }

    public string? ContextLink { get; set; }

    public string? DatePublished { get; set; }

    public long Format { get; set; }

    public long Width { get; set; }

    public long Height { get; set; }

    public long ByteSize { get; set; }

    public long HasAlpha { get; set; }

    public string AccentColour { get; set; } = "";

    public long Phash { get; set; }

    public long QualityIssues { get; set; }

    public long? DuplicateOf { get; set; }

    public string Renditions { get; set; } = "[]";

    public string IngestedAt { get; set; } = "";

    public long ViewSource { get; set; }

    public long PhotoTypeSource { get; set; }

    public long ColourSource { get; set; }

    public long VerdictSource { get; set; }

    public string? VisionModels { get; set; }

    public long? VisionContent { get; set; }

    public double? VisionVehicleScore { get; set; }

    public long? VisionView { get; set; }

    public double? VisionViewScore { get; set; }

    public long? VisionColour { get; set; }

    public string? VisionColourHex { get; set; }

    public double? VisionColourScore { get; set; }

    public string? VisionScores { get; set; }

    public static ImageRow From(VehicleImage image) => new()
    {
        Id = image.Id.Value,
        Sha256 = Convert.FromHexString(image.Hash.Hex),
        ConfigurationId = image.ConfigurationId.ToString(),
        View = (long)image.View,
        PhotoType = (long)image.PhotoType,
        ColourName = image.ColourName,
        Colour = (long?)image.Colour,
        Source = (long)image.Source,
        Provenance = image.Provenance,
        Vin = image.Vin,
        Sequence = image.Sequence,
        Registration = image.Registration,
        License = (long?)image.License,
        LicenseNote = image.LicenseNote,
        Attribution = image.Attribution,
        ContextLink = image.ContextLink,
        DatePublished = image.DatePublished?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Format = (long)image.Format,
        Width = image.Width,
        Height = image.Height,
        ByteSize = image.ByteSize,
        HasAlpha = image.HasAlpha ? 1 : 0,
        AccentColour = image.AccentColour,
        Phash = unchecked((long)image.PerceptualHash),
        QualityIssues = (long)image.Quality.Issues,
        DuplicateOf = image.Quality.DuplicateOf?.Value,
        Renditions = RenditionsJson.Write(image.Renditions),
        IngestedAt = image.IngestedAt.ToString("O", CultureInfo.InvariantCulture),
        ViewSource = (long)image.Origins.View,
        PhotoTypeSource = (long)image.Origins.PhotoType,
        ColourSource = (long)image.Origins.Colour,
        VerdictSource = (long)image.Origins.Verdict,
        VisionModels = image.Vision?.Models,
        VisionContent = (long?)image.Vision?.Content,
        VisionVehicleScore = image.Vision?.VehiclePhotoScore,
        VisionView = (long?)image.Vision?.View,
        VisionViewScore = image.Vision?.ViewScore,
        VisionColour = (long?)image.Vision?.Colour,
        VisionColourHex = image.Vision?.ColourHex,
        VisionColourScore = image.Vision?.ColourScore,
        VisionScores = image.Vision is { } vision ? ContentScoresJson.Write(vision.ContentScores) : null,
    };

    public VehicleImage ToDomain() => new()
    {
        Id = new ImageId(Id),
        Hash = ContentHash.Parse(Convert.ToHexStringLower(Sha256)),
        ConfigurationId = Guid.Parse(ConfigurationId),
        View = (View)View,
        PhotoType = (PhotoType)PhotoType,
        ColourName = ColourName,
        Colour = (GenericColour?)Colour,
        Source = (ImageSource)Source,
        Provenance = Provenance,
        Vin = Vin,
        Sequence = (int?)Sequence,
        Registration = Registration,
        License = (License?)License,
        LicenseNote = LicenseNote,
        Attribution = Attribution,
        ContextLink = ContextLink,
        DatePublished = DatePublished is null ? null : DateOnly.ParseExact(DatePublished, "yyyy-MM-dd", CultureInfo.InvariantCulture),
        Format = (ImageFormat)Format,
        Width = (int)Width,
        Height = (int)Height,
        ByteSize = ByteSize,
        HasAlpha = HasAlpha != 0,
        AccentColour = AccentColour,
        PerceptualHash = unchecked((ulong)Phash),
        Quality = new QualityVerdict((QualityIssues)QualityIssues, DuplicateOf is { } duplicate ? new ImageId(duplicate) : null),
        Renditions = RenditionsJson.Read(Renditions),
        IngestedAt = DateTimeOffset.Parse(IngestedAt, CultureInfo.InvariantCulture),
        Origins = new LabelOrigins((LabelSource)ViewSource, (LabelSource)PhotoTypeSource, (LabelSource)ColourSource, (LabelSource)VerdictSource),
        Vision = VisionModels is null ? null : new VisionPrediction(
            VisionModels,
            (ContentClass)VisionContent!.Value,
            VisionVehicleScore!.Value,
            ContentScoresJson.Read(VisionScores!),
            (View)VisionView!.Value,
            VisionViewScore!.Value,
            (GenericColour?)VisionColour,
            VisionColourHex,
            VisionColourScore!.Value),
    };
}
