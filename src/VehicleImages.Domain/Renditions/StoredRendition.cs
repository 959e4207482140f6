namespace VehicleImages.Domain.Renditions;

/// <summary>A rendition made at ingest, with what it really holds, so responses can state sizes without reading blobs.</summary>
public sealed record StoredRendition(RenditionSpec Spec, int Width, int Height, long ByteSize);
