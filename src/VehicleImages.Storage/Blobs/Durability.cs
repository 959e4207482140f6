namespace VehicleImages.Storage.Blobs;

/// <summary>When a written blob must be able to survive a power cut.</summary>
public enum Durability
{
    /// <summary>On stable storage before the write returns.</summary>
    Immediate,

    /// <summary>
    /// Visible to readers at once and as atomic as any write, but on stable storage only after the next
    /// <see cref="IBlobStore.FlushAsync"/>. Until then a power cut (not a process crash) may lose the blob or leave
    /// it empty; never another blob's bytes. For renditions, which can be made again, and for batches that flush
    /// once before anything refers to them: one flush costs about what one immediate write does.
    /// </summary>
    Deferred,
}
