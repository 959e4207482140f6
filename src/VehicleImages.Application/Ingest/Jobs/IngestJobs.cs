using System.Collections.Concurrent;
using VehicleImages.Application.Admin;
using VehicleImages.Application.Audit;
using VehicleImages.Application.Ingest.Labels;
using VehicleImages.Application.Ingest.Uploads;

namespace VehicleImages.Application.Ingest.Jobs;

/// <summary>
/// Runs uploads through the real ingest pipeline in the background, one at a time (a second waits its turn), on half
/// the cores so the APIs stay responsive. Jobs live in this process's memory: the UI polls the process it uploaded to.
/// </summary>
public sealed class IngestJobs(IngestPipeline pipeline, AuditTrail audit, TimeProvider clock) : IDisposable
{
    private const int Kept = 50;

    private readonly ConcurrentDictionary<Guid, IngestJob> _jobs = new();
    private readonly SemaphoreSlim _oneAtATime = new(1);
    private readonly CancellationTokenSource _stopping = new();

    /// <summary>Queues the folder's files for ingest; the folder is deleted when the job ends.</summary>
    public IngestJob Start(UploadFolder folder, RawLabels defaults, AdminActor actor)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var job = new IngestJob(Guid.CreateVersion7(), actor, clock.GetUtcNow());
        _jobs[job.Id] = job;
        Forget();
        _ = Task.Run(() => RunAsync(job, folder, defaults), CancellationToken.None);
        return job;
    }

    public IngestJob? Find(Guid id) => _jobs.GetValueOrDefault(id);

    /// <summary>The jobs this process remembers, newest first.</summary>
    public IReadOnlyList<IngestJob> Recent() => [.. _jobs.Values.OrderByDescending(j => j.StartedAt).ThenByDescending(j => j.Id)];

    public void Dispose()
    {
        _stopping.Cancel();
        _stopping.Dispose();
        _oneAtATime.Dispose();
    }

    private async Task RunAsync(IngestJob job, UploadFolder folder, RawLabels defaults)
    {
        try
        {
            var stopping = _stopping.Token;
            await _oneAtATime.WaitAsync(stopping);
            try
            {
                var (items, refused) = folder.Items();
                job.Running(items.Count + refused.Count);
                var options = new IngestOptions { Defaults = defaults, Parallelism = Math.Max(1, Environment.ProcessorCount / 2) };
                var summary = WithRefused(await pipeline.RunAsync(items, options, job, stopping), refused);
                job.Finished(summary);
                await audit.RecordAsync(job.StartedBy, "ingest.run", $"ingest:{job.Id}", null, new
                {
                    summary.Items, summary.Ingested, summary.Duplicates, summary.Rejected, summary.RejectedByReason,
                }, stopping);
            }
            finally
            {
                _oneAtATime.Release();
            }
        }
        catch (OperationCanceledException)
        {
            job.Failed("The server stopped before the ingest finished; what was committed stays, upload the rest again.");
        }
        catch (Exception e)
        {
            // A background job has no caller to throw to: the failure is the job's state, shown where it was started.
            job.Failed($"The ingest failed: {e.Message}");
        }
        finally
        {
            folder.Delete();
        }
    }

    private static IngestSummary WithRefused(IngestSummary summary, IReadOnlyList<RejectedItem> refused)
    {
        if (refused.Count == 0)
        {
            return summary;
        }

        var byReason = new SortedDictionary<string, int>(summary.RejectedByReason.ToDictionary(), StringComparer.Ordinal);
        foreach (var item in refused)
        {
            byReason[item.Reason] = byReason.GetValueOrDefault(item.Reason) + 1;
        }

        return summary with
        {
            Items = summary.Items + refused.Count,
            Rejected = summary.Rejected + refused.Count,
            RejectedByReason = byReason,
            Rejections = [.. refused, .. summary.Rejections],
        };
    }

    // Finished jobs beyond the newest few are forgotten, so a long-running server does not keep every summary.
    private void Forget()
    {
        foreach (var old in _jobs.Values.Where(j => j.Status.State is IngestJobState.Finished or IngestJobState.Failed).OrderByDescending(j => j.StartedAt).Skip(Kept))
        {
            _jobs.TryRemove(old.Id, out _);
        }
    }
}
