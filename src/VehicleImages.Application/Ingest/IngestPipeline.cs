using System.Diagnostics;
using System.Threading.Channels;
using VehicleImages.Application.Ingest.Fetching;
using VehicleImages.Application.Quality;
using VehicleImages.Application.Vins;
using VehicleImages.Application.Vision;
using VehicleImages.Imaging;
using VehicleImages.Storage.Blobs;
using VehicleImages.Storage.Catalog;

namespace VehicleImages.Application.Ingest;

/// <summary>
/// Ingests items: processes several at once, commits in input order. Idempotent (content already catalogued is
/// a duplicate) and crash-safe (blobs are durable before their row; a killed run is completed by the next).
/// </summary>
public sealed class IngestPipeline(
    ICatalog catalog, IBlobStore blobs, ImageProcessor imaging, VinDecoder vins, FetchAddressPolicy addresses, TimeProvider clock, VisionStage? vision = null)
{
    public async Task<IngestSummary> RunAsync(
        IReadOnlyList<IngestItem> items, IngestOptions options, IProgress<IngestProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(options);
        var clockStart = Stopwatch.GetTimestamp();
        var index = await LoadNearDuplicateIndexAsync(cancellationToken);
        using var fetcher = new ContentFetcher(imaging.Options.MaxBytes, options.FetchTimeout, addresses);
        var fingerprints = new FingerprintSource(catalog, blobs, imaging);
        var processor = new ItemProcessor(catalog, blobs, imaging, fetcher, fingerprints, vins, options.Defaults, vision);
        var committer = new IngestCommitter(catalog, blobs, index, fingerprints, options.Quality, options.CommitBatchSize, clock, vision, options.Vouched);

        // Tasks enter the channel in input order while up to Parallelism of them run; the reader awaits them in
        // that same order. A finished outcome is small (its blobs are already written), so the channel is deep:
        // one slow image at the head must not stop the cores from starting the items behind it.
        var parallelism = Math.Max(1, options.Parallelism);
        var inFlight = Channel.CreateBounded<Task<ItemOutcome>>(Math.Max(256, parallelism * 16));
        using var slots = new SemaphoreSlim(parallelism);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

        var producer = Task.Run(
            async () =>
            {
                try
                {
                    foreach (var item in items)
                    {
                        await slots.WaitAsync(stop.Token);
                        var work = Task.Run(
                            async () =>
                            {
                                try
                                {
                                    return await processor.ProcessAsync(item, stop.Token);
                                }
                                finally
                                {
                                    slots.Release();
                                }
                            },
                            stop.Token);
                        await inFlight.Writer.WriteAsync(work, stop.Token);
                    }
                }
                finally
                {
                    inFlight.Writer.Complete();
                }
            },
            stop.Token);

        try
        {
            var done = 0;
            await foreach (var work in inFlight.Reader.ReadAllAsync(cancellationToken))
            {
                var outcome = await work;
                await committer.AcceptAsync(outcome, cancellationToken);
                progress?.Report(new IngestProgress(++done, items.Count, outcome.Item.Origin));
            }

            await committer.FlushAsync(cancellationToken);
            await producer;
        }
        catch
        {
            // Stop the producer and the items in flight; what was committed stays, the rest is redone next run.
            await stop.CancelAsync();
            throw;
        }

        return committer.Summarise(Stopwatch.GetElapsedTime(clockStart));
    }

    private async Task<NearDuplicateIndex> LoadNearDuplicateIndexAsync(CancellationToken cancellationToken)
    {
        var index = new NearDuplicateIndex();
        await foreach (var (id, hash) in catalog.PerceptualHashesAsync(cancellationToken))
        {
            index.Add(id, hash);
        }

        return index;
    }
}
