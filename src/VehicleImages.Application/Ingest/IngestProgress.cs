namespace VehicleImages.Application.Ingest;

/// <summary>How far a run has got: items finished out of the total, and the last one finished.</summary>
public sealed record IngestProgress(int Done, int Total, string Current);
