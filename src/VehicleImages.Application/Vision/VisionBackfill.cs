using VehicleImages.Domain.Images;
using VehicleImages.Domain.Renditions;
using VehicleImages.Imaging;
using VehicleImages.Imaging.Vips;
using VehicleImages.Storage.Blobs;
using VehicleImages.Storage.Catalog;
using VehicleImages.Storage.Curation;

namespace VehicleImages.Application.Vision;

/// <summary>What a backfill did, image by image.</summary>
public sealed record BackfillSummary(int Seen, int Updated, int AlreadyCurrent, int ChangedMeanwhile, int Unreadable)
{
    /// <summary>Labels vision filled, by field, among the updated images.</summary>
    public IReadOnlyDictionary<string, int> Filled { get; init; } = new Dictionary<string, int>();

    /// <summary>Reasons the updated images are now flagged with, by reason.</summary>
    public IReadOnlyDictionary<string, int> Flagged { get; init; } = new Dictionary<string, int>();
}

/// <summary>
/// Runs vision over a library ingested before it (or before new heads): each image's original is decoded as
/// ingest decodes it, seen, and its labels merged by the same policy. Resumable by construction: an image whose
/// prediction already comes from the current models is skipped, so a stopped backfill picks up where it was.
/// A curator's edit made meanwhile wins: the write is refused and the image counted, not overwritten.
/// </summary>
public sealed class VisionBackfill(ICatalog catalog, ICatalogCuration curation, IBlobStore blobs, ImageProcessor imaging, VisionStage vision)
{
    public async Task<BackfillSummary> RunAsync(bool force, int parallelism, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        var counts = new Counts();
        var filled = new Dictionary<string, int>(StringComparer.Ordinal);
        var flagged = new Dictionary<string, int>(StringComparer.Ordinal);
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism), CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(curation.AllImagesAsync(null, cancellationToken), options, async (image, token) =>
        {
            var outcome = await BackfillAsync(image, force, token);
            lock (counts)
            {
                counts.Add(outcome);
                if (outcome is Outcome.Updated { Image: var updated })
                {
                    foreach (var field in updated.Origins.Predicted())
                    {
                        filled[field] = filled.GetValueOrDefault(field) + 1;
                    }

                    foreach (var reason in updated.Quality.Reasons)
                    {
                        flagged[reason] = flagged.GetValueOrDefault(reason) + 1;
                    }
                }

                progress?.Report(counts.Seen);
            }
        });

        return new BackfillSummary(counts.Seen, counts.Updated, counts.Current, counts.Changed, counts.Unreadable)
        {
            Filled = new SortedDictionary<string, int>(filled, StringComparer.Ordinal),
            Flagged = new SortedDictionary<string, int>(flagged, StringComparer.Ordinal),
        };
    }

    private async Task<Outcome> BackfillAsync(VehicleImage image, bool force, CancellationToken cancellationToken)
    {
        if (!force && image.Vision?.Models == vision.Models)
        {
            return new Outcome.Current();
        }

        var original = await blobs.GetAsync(BlobKeys.Original(image.Hash), cancellationToken);
        if (original is null || await catalog.FindConfigurationAsync(image.ConfigurationId, cancellationToken) is not { } configuration)
        {
            return new Outcome.Unreadable();
        }

        PixelBuffer pixels;
        try
        {
            pixels = imaging.Decode(original, VisionStage.InputEdge).Pixels();
        }
        catch (Exception e) when (e is ImageRejectedException or VipsException)
        {
            // Limits tightened since ingest, or the blob was damaged: the image keeps what it has.
            return new Outcome.Unreadable();
        }

        VehicleImage updated;
        try
        {
            updated = vision.Apply(image, vision.See(pixels));
        }
        catch (VisionFailedException)
        {
            return new Outcome.Unreadable();
        }

        return await curation.ReplaceLabelsAsync(image, new CatalogEntry(configuration, updated), cancellationToken)
            ? new Outcome.Updated(updated)
            : new Outcome.Changed();
    }

    private abstract record Outcome
    {
        public sealed record Updated(VehicleImage Image) : Outcome;

        public sealed record Current : Outcome;

        public sealed record Changed : Outcome;

        public sealed record Unreadable : Outcome;
    }

    private sealed class Counts
    {
        public int Seen { get; private set; }

        public int Updated { get; private set; }

        public int Current { get; private set; }

        public int Changed { get; private set; }

        public int Unreadable { get; private set; }

        public void Add(Outcome outcome)
        {
            Seen++;
            _ = outcome switch
            {
                Outcome.Updated => Updated++,
                Outcome.Current => Current++,
                Outcome.Changed => Changed++,
                _ => Unreadable++,
            };
        }
    }
}
