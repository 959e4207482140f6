using VehicleImages.Application.Ingest.Labels;

namespace VehicleImages.Application.Ingest;

/// <summary>One thing to ingest: where its bytes are (a local path or an http(s) URL) and the labels it came with.</summary>
/// <param name="Origin">Where the item was listed, for messages: "manifest.csv:14" or a file path.</param>
/// <param name="Location">An absolute local path or an http(s) URL.</param>
/// <param name="Labels">The labels as given, before defaults and checks.</param>
public sealed record IngestItem(string Origin, string Location, RawLabels Labels);
