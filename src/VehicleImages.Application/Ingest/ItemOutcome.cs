using VehicleImages.Application.Ingest.Labels;
using VehicleImages.Domain.Images;
using VehicleImages.Domain.Renditions;
using VehicleImages.Domain.Vision;
using VehicleImages.Imaging;
using VehicleImages.Imaging.Analysis;

namespace VehicleImages.Application.Ingest;

/// <summary>What processing made of one item, before the in-order commit decides the rest.</summary>
internal abstract record ItemOutcome(IngestItem Item)
{
    public sealed record Rejected(IngestItem Item, IngestRejection Rejection) : ItemOutcome(Item);

    public sealed record Duplicate(IngestItem Item) : ItemOutcome(Item);

    /// <summary>Decoded, measured, and its original and renditions durably in the blob store; a warning may come with it.</summary>
    public sealed record Stored(
        IngestItem Item, ImageLabels Labels, ContentHash Hash, long ByteSize, ImageHeader Header,
        ImageMeasurements Measurements, IReadOnlyList<StoredRendition> Renditions, byte[] Fingerprint, IngestRejection? Warning,
        VisionPrediction? Vision) : ItemOutcome(Item);
}
