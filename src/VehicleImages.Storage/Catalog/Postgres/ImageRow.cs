using VehicleImages.Domain.Colours;
using VehicleImages.Domain.Images;
using VehicleImages.Domain.Quality;
using VehicleImages.Domain.Vision;

namespace VehicleImages.Storage.Catalog.Postgres;

/// <summary>The images table as Dapper reads and writes it; converts to and from the domain type.</summary>
internal class ImageRow
{
    public long Id { get; set; }

    public byte[] Sha256 { get; set; } = [];

    public Guid ConfigurationId { get; set; }

    public short View { get; set; }

    public short PhotoType { get; set; }

    public string? ColourName { get; set; }

    public short? Colour { get; set; }

    public short Source { get; set; }

    public string? Provenance { get; set; }

    public string? Vin { get; set; }

    public int? Sequence { get; set; }

    public string? Registration { get; set; }

    public short? License { get; set; }

    public string? LicenseNote { get; set; }

    public string? Attribution { get; set; }

    public string? ContextLink { get; set; }

    public DateOnly? DatePublished { get; set; }

    public short Format { get; set; }

    public int Width { get; set; }

    public int Height { get; set; }

    public long ByteSize { get; set; }

    public bool HasAlpha { get; set; }

    public string AccentColour { get; set; } = "";

    public long Phash { get; set; }

    public int QualityIssues { get; set; }

    public long? DuplicateOf { get; set; }

    public string Renditions { get; set; } = "[]";

    public DateTimeOffset IngestedAt { get; set; }

    public short ViewSource { get; set; }

    public short PhotoTypeSource { get; set; }

    public short ColourSource { get; set; }

    public short VerdictSource { get; set; }

    public string? VisionModels { get; set; }

    public short? VisionContent { get; set; }

    public double? VisionVehicleScore { get; set; }

    public short? VisionView { get; set; }

    public double? VisionViewScore { get; set; }

    public short? VisionColour { get; set; }

    public string? VisionColourHex { get; set; }

    public double? VisionColourScore { get; set; }

    public string? VisionScores { get; set; }

    public static ImageRow From(VehicleImage image) => new()
    {
        Id = image.Id.Value,
        Sha256 = Convert.FromHexString(image.Hash.Hex),
        ConfigurationId = image.ConfigurationId,
        View = (short)image.View,
        PhotoType = (short)image.PhotoType,
        ColourName = image.ColourName,
        Colour = (short?)image.Colour,
        Source = (short)image.Source,
        Provenance = image.Provenance,
        Vin = image.Vin,
        Sequence = image.Sequence,
        Registration = image.Registration,
        License = (short?)image.License,
        LicenseNote = image.LicenseNote,
        Attribution = image.Attribution,
        ContextLink = image.ContextLink,
        DatePublished = image.DatePublished,
        Format = (short)image.Format,
        Width = image.Width,
        Height = image.Height,
        ByteSize = image.ByteSize,
        HasAlpha = image.HasAlpha,
        AccentColour = image.AccentColour,
        Phash = unchecked((long)image.PerceptualHash),
        QualityIssues = (int)image.Quality.Issues,
        DuplicateOf = image.Quality.DuplicateOf?.Value,
        Renditions = RenditionsJson.Write(image.Renditions),

        // timestamptz keeps the instant, not the offset, and Npgsql writes only UTC values to it.
        IngestedAt = image.IngestedAt.ToUniversalTime(),
        ViewSource = (short)image.Origins.View,
        PhotoTypeSource = (short)image.Origins.PhotoType,
        ColourSource = (short)image.Origins.Colour,
        VerdictSource = (short)image.Origins.Verdict,
        VisionModels = image.Vision?.Models,
        VisionContent = (short?)image.Vision?.Content,
        VisionVehicleScore = image.Vision?.VehiclePhotoScore,
        VisionView = (short?)image.Vision?.View,
        VisionViewScore = image.Vision?.ViewScore,
        VisionColour = (short?)image.Vision?.Colour,
        VisionColourHex = image.Vision?.ColourHex,
        VisionColourScore = image.Vision?.ColourScore,
        VisionScores = image.Vision is { } vision ? ContentScoresJson.Write(vision.ContentScores) : null,
    };

    /// <summary>Rows as one array per column, for an INSERT … SELECT FROM unnest(…) of a whole batch.</summary>
    public static object Columns(ImageRow[] rows) => new
    {
        Id = rows.Select(r => r.Id).ToArray(),
        Sha256 = rows.Select(r => r.Sha256).ToArray(),
        ConfigurationId = rows.Select(r => r.ConfigurationId).ToArray(),
        View = rows.Select(r => r.View).ToArray(),
        PhotoType = rows.Select(r => r.PhotoType).ToArray(),
        ColourName = rows.Select(r => r.ColourName).ToArray(),
        Colour = rows.Select(r => r.Colour).ToArray(),
        Source = rows.Select(r => r.Source).ToArray(),
        Provenance = rows.Select(r => r.Provenance).ToArray(),
        Vin = rows.Select(r => r.Vin).ToArray(),
        Sequence = rows.Select(r => r.Sequence).ToArray(),
        Registration = rows.Select(r => r.Registration).ToArray(),
        License = rows.Select(r => r.License).ToArray(),
        LicenseNote = rows.Select(r => r.LicenseNote).ToArray(),
        Attribution = rows.Select(r => r.Attribution).ToArray(),
        ContextLink = rows.Select(r => r.ContextLink).ToArray(),
        DatePublished = rows.Select(r => r.DatePublished).ToArray(),
        Format = rows.Select(r => r.Format).ToArray(),
        Width = rows.Select(r => r.Width).ToArray(),
        Height = rows.Select(r => r.Height).ToArray(),
        ByteSize = rows.Select(r => r.ByteSize).ToArray(),
        HasAlpha = rows.Select(r => r.HasAlpha).ToArray(),
        AccentColour = rows.Select(r => r.AccentColour).ToArray(),
        Phash = rows.Select(r => r.Phash).ToArray(),
        QualityIssues = rows.Select(r => r.QualityIssues).ToArray(),
        DuplicateOf = rows.Select(r => r.DuplicateOf).ToArray(),
        Renditions = rows.Select(r => r.Renditions).ToArray(),
        IngestedAt = rows.Select(r => r.IngestedAt).ToArray(),
        ViewSource = rows.Select(r => r.ViewSource).ToArray(),
        PhotoTypeSource = rows.Select(r => r.PhotoTypeSource).ToArray(),
        ColourSource = rows.Select(r => r.ColourSource).ToArray(),
        VerdictSource = rows.Select(r => r.VerdictSource).ToArray(),
        VisionModels = rows.Select(r => r.VisionModels).ToArray(),
        VisionContent = rows.Select(r => r.VisionContent).ToArray(),
        VisionVehicleScore = rows.Select(r => r.VisionVehicleScore).ToArray(),
        VisionView = rows.Select(r => r.VisionView).ToArray(),
        VisionViewScore = rows.Select(r => r.VisionViewScore).ToArray(),
        VisionColour = rows.Select(r => r.VisionColour).ToArray(),
        VisionColourHex = rows.Select(r => r.VisionColourHex).ToArray(),
        VisionColourScore = rows.Select(r => r.VisionColourScore).ToArray(),
        VisionScores = rows.Select(r => r.VisionScores).ToArray(),
    };

    public VehicleImage ToDomain() => new()
    {
        Id = new ImageId(Id),
        Hash = ContentHash.Parse(Convert.ToHexStringLower(Sha256)),
        ConfigurationId = ConfigurationId,
        View = (View)View,
        PhotoType = (PhotoType)PhotoType,
        ColourName = ColourName,
        Colour = (GenericColour?)Colour,
        Source = (ImageSource)Source,
        Provenance = Provenance,
        Vin = Vin,
        Sequence = Sequence,
        Registration = Registration,
        License = (License?)License,
        LicenseNote = LicenseNote,
        Attribution = Attribution,
        ContextLink = ContextLink,
        DatePublished = DatePublished,
        Format = (ImageFormat)Format,
        Width = Width,
        Height = Height,
        ByteSize = ByteSize,
        HasAlpha = HasAlpha,
        AccentColour = AccentColour,
        PerceptualHash = unchecked((ulong)Phash),
        Quality = new QualityVerdict((QualityIssues)QualityIssues, DuplicateOf is { } duplicate ? new ImageId(duplicate) : null),
        Renditions = RenditionsJson.Read(Renditions),
        IngestedAt = IngestedAt,
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
