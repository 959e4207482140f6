namespace VehicleImages.Application.Ingest;

/// <summary>One rejected item, for the report.</summary>
public sealed record RejectedItem(string Item, string Reason, string Message);

/// <summary>What a run did: counts, reasons, and every rejected item.</summary>
public sealed record IngestSummary
{
    public int Items { get; init; }

    public int Ingested { get; init; }

    public int Duplicates { get; init; }

    public int Rejected { get; init; }

    /// <summary>Rejections counted by reason, e.g. missing_model → 59.</summary>
    public IReadOnlyDictionary<string, int> RejectedByReason { get; init; } = new Dictionary<string, int>();

    /// <summary>Ingested images whose quality verdict is not good, counted by reason (an image can have several).</summary>
    public IReadOnlyDictionary<string, int> FlaggedByReason { get; init; } = new Dictionary<string, int>();

    public IReadOnlyList<RejectedItem> Rejections { get; init; } = [];

    /// <summary>Items ingested with their own labels that something contradicts (a VIN that decodes to another vehicle).</summary>
    public IReadOnlyList<RejectedItem> Warnings { get; init; } = [];

    /// <summary>The vision models that looked at the images; null when vision was off.</summary>
    public string? Vision { get; init; }

    /// <summary>Labels no one gave that vision filled, counted by field (view, photo_type, colour).</summary>
    public IReadOnlyDictionary<string, int> FilledByPrediction { get; init; } = new Dictionary<string, int>();

    public double ElapsedSeconds { get; init; }

    public double ImagesPerSecond => ElapsedSeconds > 0 ? Math.Round(Items / ElapsedSeconds, 1) : 0;
}
