namespace VehicleImages.Storage;

/// <summary>
/// A storage backend (database or object store) could not be reached or timed out. Temporary by nature: the
/// API answers 503 and the caller may retry; nothing was half-done.
/// </summary>
public sealed class StorageUnavailableException : Exception
{
    public StorageUnavailableException()
    {
    }

    public StorageUnavailableException(string message)
        : base(message)
    {
    }

    public StorageUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
