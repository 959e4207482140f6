using VehicleImages.Application.Ingest.Labels;
using VehicleImages.Domain.Quality;

namespace VehicleImages.Application.Ingest;

/// <summary>How one ingest run behaves.</summary>
public sealed record IngestOptions
{
    /// <summary>Labels for fields a row leaves blank (the command line's --make, --model, ...).</summary>
    public RawLabels Defaults { get; init; } = RawLabels.None;

    /// <summary>Items decoded at once; libvips runs one thread per item, so this is the CPU parallelism.</summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Longest a URL may take, connection and body together.</summary>
    public TimeSpan FetchTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Most images per catalog transaction; a crash loses at most this many commits, which the next run redoes.</summary>
    public int CommitBatchSize { get; init; } = 32;

    public QualityPolicy Quality { get; init; } = QualityPolicy.Default;

    /// <summary>
    /// The caller vouches for every image, as a curator would (the demo's own drawings, which are renders by
    /// design): vision still predicts and stores what it sees, but neither its gate nor a disagreement flags them.
    /// </summary>
    public bool Vouched { get; init; }
}
