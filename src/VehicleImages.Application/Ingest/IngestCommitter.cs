using VehicleImages.Application.Quality;
using VehicleImages.Application.Vision;
using VehicleImages.Domain.Images;
using VehicleImages.Domain.Quality;
using VehicleImages.Storage.Blobs;
using VehicleImages.Storage.Catalog;

namespace VehicleImages.Application.Ingest;

/// <summary>
/// Takes outcomes in input order and commits them in batches. Order matters: which of two near-identical photos
/// is "the duplicate" must not depend on thread timing, or a resumed run would differ from a clean one. Each batch's
/// blobs are flushed to disk, in one flush, before its rows are committed.
/// </summary>
internal sealed class IngestCommitter(
    ICatalog catalog, IBlobStore blobs, NearDuplicateIndex index, FingerprintSource fingerprints, QualityPolicy policy, int batchSize, TimeProvider clock,
    VisionStage? vision, bool vouched)
{
    private readonly Dictionary<string, int> _filledByPrediction = new(StringComparer.Ordinal);
    private readonly List<CatalogEntry> _batch = [];
    private readonly HashSet<ContentHash> _seenThisRun = [];
    private readonly Dictionary<string, int> _rejectedByReason = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _flaggedByReason = new(StringComparer.Ordinal);
    private readonly List<RejectedItem> _rejections = [];
    private readonly List<RejectedItem> _warnings = [];
    private int _items;
    private int _ingested;
    private int _duplicates;

    public async Task AcceptAsync(ItemOutcome outcome, CancellationToken cancellationToken)
    {
        _items++;
        switch (outcome)
        {
            case ItemOutcome.Rejected rejected:
                _rejectedByReason[rejected.Rejection.Reason] = _rejectedByReason.GetValueOrDefault(rejected.Rejection.Reason) + 1;
                _rejections.Add(new RejectedItem(rejected.Item.Origin, rejected.Rejection.Reason, rejected.Rejection.Message));
                break;
            case ItemOutcome.Duplicate:
                _duplicates++;
                break;
            case ItemOutcome.Stored stored when !_seenThisRun.Add(stored.Hash):
                _duplicates++; // the same bytes listed twice in this run: the first listing wins
                break;
            case ItemOutcome.Stored stored:
                _batch.Add(Entry(stored, await FindNearDuplicateAsync(stored, cancellationToken)));
                if (stored.Warning is { } warning)
                {
                    _warnings.Add(new RejectedItem(stored.Item.Origin, warning.Reason, warning.Message));
                }

                break;
        }

        if (_batch.Count >= batchSize)
        {
            await FlushAsync(cancellationToken);
        }
    }

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_batch.Count == 0)
        {
            return;
        }

        await blobs.FlushAsync(cancellationToken);
        var added = await catalog.AddAsync(_batch, cancellationToken);
        for (var i = 0; i < added.Count; i++)
        {
            if (!added[i])
            {
                _duplicates++; // another process catalogued it since this one looked
                continue;
            }

            _ingested++;
            var image = _batch[i].Image;
            foreach (var reason in image.Quality.Reasons)
            {
                _flaggedByReason[reason] = _flaggedByReason.GetValueOrDefault(reason) + 1;
            }

            foreach (var field in image.Origins.Predicted())
            {
                _filledByPrediction[field] = _filledByPrediction.GetValueOrDefault(field) + 1;
            }
        }

        _batch.Clear();
    }

    public IngestSummary Summarise(TimeSpan elapsed) => new()
    {
        Items = _items,
        Ingested = _ingested,
        Duplicates = _duplicates,
        Rejected = _rejections.Count,
        RejectedByReason = new SortedDictionary<string, int>(_rejectedByReason, StringComparer.Ordinal),
        FlaggedByReason = new SortedDictionary<string, int>(_flaggedByReason, StringComparer.Ordinal),
        Rejections = [.. _rejections],
        Warnings = [.. _warnings],
        Vision = vision?.Models,
        FilledByPrediction = new SortedDictionary<string, int>(_filledByPrediction, StringComparer.Ordinal),
        ElapsedSeconds = Math.Round(elapsed.TotalSeconds, 2),
    };

    // The hash proposes, the fingerprint decides: the first candidate (closest, then lowest ID) that really shows
    // the same picture. Then this image joins the index for the items after it.
    private async Task<ImageId?> FindNearDuplicateAsync(ItemOutcome.Stored stored, CancellationToken cancellationToken)
    {
        ImageId? duplicateOf = null;
        foreach (var candidate in index.Candidates(stored.Measurements.PerceptualHash, policy.NearDuplicateDistance))
        {
            if (await fingerprints.GetAsync(candidate, cancellationToken) is { } other && policy.IsSamePicture(stored.Fingerprint, other))
            {
                duplicateOf = candidate;
                break;
            }
        }

        index.Add(stored.Hash.ImageId, stored.Measurements.PerceptualHash);
        fingerprints.Remember(stored.Hash.ImageId, stored.Fingerprint);
        return duplicateOf;
    }

    private CatalogEntry Entry(ItemOutcome.Stored stored, ImageId? duplicateOf)
    {
        var (labels, header, measurements) = (stored.Labels, stored.Header, stored.Measurements);
        var verdict = policy.Judge(
            new QualityMeasurements(header.Width, header.Height, measurements.Contrast, measurements.Sharpness, measurements.OpaqueFraction),
            duplicateOf);
        var id = stored.Hash.ImageId;

        var image = new VehicleImage
        {
            Id = id,
            Hash = stored.Hash,
            ConfigurationId = labels.Configuration.Id,
            View = labels.View,
            PhotoType = labels.PhotoType,
            ColourName = labels.ColourName,
            Colour = labels.Colour,
            Source = labels.Source,
            Provenance = labels.Provenance,
            Vin = labels.Vin,
            Sequence = labels.Sequence,
            Registration = labels.Registration,
            License = labels.License,
            LicenseNote = labels.LicenseNote,
            Attribution = labels.Attribution,
            ContextLink = labels.ContextLink,
            DatePublished = labels.DatePublished,
            Format = header.Format,
            Width = header.Width,
            Height = header.Height,
            ByteSize = stored.ByteSize,
            HasAlpha = header.HasAlpha,
            AccentColour = measurements.AccentColour,
            PerceptualHash = measurements.PerceptualHash,
            Quality = verdict,
            Renditions = stored.Renditions,
            IngestedAt = clock.GetUtcNow(),
            Origins = new LabelOrigins(
                View: labels.View != View.Unknown ? LabelSource.Given : LabelSource.None,
                PhotoType: labels.PhotoTypeGiven ? LabelSource.Given : LabelSource.None,
                Colour: labels.Colour is not null ? LabelSource.Given : LabelSource.None,
                Verdict: vouched ? LabelSource.Curator : LabelSource.None),
        };

        return new CatalogEntry(labels.Configuration, vision is not null && stored.Vision is { } seen ? vision.Apply(image, seen) : image);
    }
}
