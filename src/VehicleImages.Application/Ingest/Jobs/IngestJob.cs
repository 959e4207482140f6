using VehicleImages.Application.Admin;

namespace VehicleImages.Application.Ingest.Jobs;

/// <summary>Where an ingest job is.</summary>
public enum IngestJobState
{
    Queued,
    Running,
    Finished,
    Failed,
}

/// <summary>A copy of a job's state at one moment, safe to hand to another thread.</summary>
public sealed record IngestJobStatus(
    Guid Id, AdminActor StartedBy, DateTimeOffset StartedAt, IngestJobState State, IngestProgress Progress, IngestSummary? Summary, string? Error);

/// <summary>One ingest run started from the admin UI: its progress while it runs, then its summary or its error.</summary>
public sealed class IngestJob : IProgress<IngestProgress>
{
    private readonly Lock _lock = new();
    private IngestJobState _state = IngestJobState.Queued;
    private IngestProgress _progress = new(0, 0, "");
    private IngestSummary? _summary;
    private string? _error;

    internal IngestJob(Guid id, AdminActor startedBy, DateTimeOffset startedAt)
    {
        Id = id;
        StartedBy = startedBy;
        StartedAt = startedAt;
    }

    public Guid Id { get; }

    public AdminActor StartedBy { get; }

    public DateTimeOffset StartedAt { get; }

    public IngestJobStatus Status
    {
        get
        {
            lock (_lock)
            {
                return new IngestJobStatus(Id, StartedBy, StartedAt, _state, _progress, _summary, _error);
            }
        }
    }

    // Reported synchronously from the pipeline's in-order commit loop, so progress never goes backwards.
    public void Report(IngestProgress value) => Set(() => _progress = value);

    internal void Running(int total) => Set(() => (_state, _progress) = (IngestJobState.Running, new IngestProgress(0, total, "")));

    internal void Finished(IngestSummary summary) => Set(() => (_state, _summary) = (IngestJobState.Finished, summary));

    internal void Failed(string error) => Set(() => (_state, _error) = (IngestJobState.Failed, error));

    private void Set(Action change)
    {
        lock (_lock)
        {
            change();
        }
    }
}
