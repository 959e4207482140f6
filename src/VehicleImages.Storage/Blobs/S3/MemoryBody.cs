using System.Runtime.InteropServices;

namespace VehicleImages.Storage.Blobs.S3;

/// <summary>Request bodies over bytes already in memory, without copying them.</summary>
internal static class MemoryBody
{
    /// <summary>A fresh read-only stream per call: each retry of a request needs its own, from the start.</summary>
    public static MemoryStream Of(ReadOnlyMemory<byte> content) => MemoryMarshal.TryGetArray(content, out var segment)
        ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
        : new MemoryStream(content.ToArray(), writable: false);
}
