namespace VehicleImages.Storage.Blobs.S3;

/// <summary>Where an S3 blob store lives and how to talk to it; written as a URL, see <see cref="S3BlobUrl"/>.</summary>
public sealed record S3BlobOptions
{
    public const int MiB = 1024 * 1024;

    /// <summary>S3 refuses multipart parts under 5 MiB, except the last.</summary>
    public const int MinPartSize = 5 * MiB;

    public required string Bucket { get; init; }

    /// <summary>The S3-compatible endpoint (Ceph RGW, MinIO, R2); null means AWS S3 in <see cref="Region"/>.</summary>
    public Uri? ServiceUrl { get; init; }

    /// <summary>The region requests are signed for; S3-compatible servers mostly accept any.</summary>
    public string Region { get; init; } = "us-east-1";

    /// <summary>With no keys, the AWS SDK's default credential chain applies (profiles, container and instance roles).</summary>
    public string? AccessKey { get; init; }

    public string? SecretKey { get; init; }

    public string? SessionToken { get; init; }

    /// <summary>Addresses buckets as endpoint/bucket/key rather than bucket.endpoint/key.</summary>
    public bool ForcePathStyle { get; init; }

    /// <summary>Prepended to every blob key, so that one bucket can hold several stores; empty or ending in '/'.</summary>
    public string KeyPrefix { get; init; } = "";

    /// <summary>Blobs larger than this go up in parts.</summary>
    public long MultipartThreshold { get; init; } = 16 * MiB;

    public int PartSize { get; init; } = 8 * MiB;

    /// <summary>The most one request may take, from connecting to the last byte of its answer, before it is retried.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries of a request that failed transiently (5xx, throttling, timeouts, broken connections).</summary>
    public int MaxRetries { get; init; } = 4;

    /// <summary>The median wait before the first retry; each further retry waits about twice as long, with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Throws with the reason when the options cannot work.</summary>
    public void Validate()
    {
        Require(IsValidBucketName(Bucket), $"the bucket name '{Bucket}' is not 3-63 lowercase letters, digits, '-' or '.', starting and ending with a letter or digit");
        Require(ServiceUrl is null || (ServiceUrl.IsAbsoluteUri && ServiceUrl.Scheme is "http" or "https"), $"the endpoint '{ServiceUrl}' is not an absolute http(s) URL");
        Require(!string.IsNullOrWhiteSpace(Region), "the region is empty");
        Require(AccessKey is null == SecretKey is null, "an access key needs its secret key and a secret key its access key");
        Require(KeyPrefix.Length == 0 || (KeyPrefix[^1] == '/' && BlobKey.IsValid(KeyPrefix[..^1])), $"the key prefix '{KeyPrefix}' is not a blob key followed by '/'");
        Require(PartSize >= MinPartSize, $"the part size {PartSize} is under S3's minimum of {MinPartSize} bytes");
        Require(MultipartThreshold >= PartSize, $"the multipart threshold {MultipartThreshold} is under the part size {PartSize}");
        Require(RequestTimeout > TimeSpan.Zero, "the request timeout is not positive");
        Require(MaxRetries >= 0, "the number of retries is negative");
        Require(RetryBaseDelay >= TimeSpan.Zero, "the retry delay is negative");
    }

    /// <summary>The options as a URL with the secret left out, for logs and messages.</summary>
    public override string ToString() => S3BlobUrl.Format(this);

    // The rules for names that work with both addressing styles: one DNS label or several, lowercase.
    private static bool IsValidBucketName(string name) =>
        name is { Length: >= 3 and <= 63 }
        && char.IsAsciiLetterLower(name[0]) | char.IsAsciiDigit(name[0])
        && char.IsAsciiLetterLower(name[^1]) | char.IsAsciiDigit(name[^1])
        && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '.')
        && !name.Contains("..", StringComparison.Ordinal);

    private static void Require(bool condition, string reason)
    {
        if (!condition)
        {
            throw new ArgumentException($"S3 blob store options: {reason}.");
        }
    }
}
