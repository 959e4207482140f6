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
            if (!IsValidSegment(segment))
            {
                throw new ArgumentException($"Blob key '{key}' has an invalid segment '{segment}'.", nameof(key));
            }
        }
    }

    /// <summary>Whether <see cref="Validate"/> would accept the key.</summary>
    public static bool IsValid(string key) => key is { Length: > 0 and <= 512 } && key.Split('/').All(IsValidSegment);

    // Dot-segments are refused outright: they would climb out of the store or reach its own temp folder.
    private static bool IsValidSegment(string segment) => segment.Length > 0 && segment[0] != '.' && segment.All(IsAllowed);

    private static bool IsAllowed(char c) => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '.' or '_' or '-';
}
