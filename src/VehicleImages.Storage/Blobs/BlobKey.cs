namespace VehicleImages.Storage.Blobs;

/// <summary>Validates blob keys, so that no key can name a path outside the store.</summary>
public static class BlobKey
{
    public static void Validate(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        if (key.Length > 512 || key[0] == '/' || key[^1] == '/')
        {
            throw new ArgumentException($"Blob key '{key}' is empty, too long, or starts or ends with '/'.", nameof(key));
        }

        foreach (var segment in key.Split('/'))
        {
            // Dot-segments are refused outright: they would climb out of the store or reach its own temp folder.
            if (segment.Length == 0 || segment[0] == '.' || !segment.All(IsAllowed))
            {
                throw new ArgumentException($"Blob key '{key}' has an invalid segment '{segment}'.", nameof(key));
            }
        }
    }

    private static bool IsAllowed(char c) => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '.' or '_' or '-';
}
