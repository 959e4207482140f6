namespace VehicleImages.Application.Ingest;

/// <summary>Why one item was not ingested: a stable snake_case reason for counting, and a message for people.</summary>
public sealed record IngestRejection(string Reason, string Message);
