namespace VehicleImages.Application.Media;

/// <summary>How media links are signed and how long they live, bound from the "Media" configuration section.</summary>
public sealed class MediaOptions
{
    public const string Section = "Media";

    /// <summary>The scheme and host links are made absolute with (a CDN, a reverse proxy); unset: the request's own.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>
    /// HMAC secrets, base64, at least 32 bytes each. The first signs new links; all verify, so a key can be rotated
    /// in (added second, then moved first) and out (moved to <see cref="RetiredSigningKeys"/>) without breaking links
    /// in flight. Empty: a secret is generated once and kept in the data folder.
    /// </summary>
    public IList<string> SigningKeys { get; } = [];

    /// <summary>
    /// Keys taken out of use, each with the time it stopped signing: it still verifies the permanent links it signed
    /// for <see cref="PermanentLinkGracePeriod"/>, and the expiring links it could have signed until they expire.
    /// </summary>
    public IList<RetiredSigningKey> RetiredSigningKeys { get; } = [];

    /// <summary>How long after its key retires a permanent link (an auto.dev photo file) keeps working.</summary>
    public TimeSpan PermanentLinkGracePeriod { get; set; } = TimeSpan.FromDays(90);

    /// <summary>How long a link stays valid at least.</summary>
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// Expiry times are rounded up to this step, so repeated requests get the same URL for a while and CDNs can
    /// cache it; a link lives between LinkLifetime and LinkLifetime + LinkBucket.
    /// </summary>
    public TimeSpan LinkBucket { get; set; } = TimeSpan.FromDays(1);

    /// <summary>The longest an expiring link lives from the moment it is made.</summary>
    public TimeSpan LongestLinkLife => LinkLifetime + LinkBucket;

    /// <summary>Renders running at once; more wait their turn, up to <see cref="MaxQueuedRenders"/>.</summary>
    public int MaxConcurrentRenders { get; set; } = Environment.ProcessorCount;

    /// <summary>Renders waiting for a turn before new ones are refused with 503 and Retry-After.</summary>
    public int MaxQueuedRenders { get; set; } = 256;

    /// <summary>
    /// Memory that renders in progress may hold together, in megabytes. Each render reserves its estimate (from the
    /// original's header: a WebP, AVIF or progressive JPEG is decoded whole) and waits for room; one larger than this
    /// runs alone.
    /// </summary>
    public int RenderMemoryMegabytes { get; set; } = 512;

    /// <summary>How long a render waits for room in <see cref="RenderMemoryMegabytes"/> before it is refused with 503 and Retry-After.</summary>
    public TimeSpan RenderMemoryWait { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Memory for the bytes of recently served renditions, so warm media requests skip the blob store; 0 turns it
    /// off. Renditions over 1 MB are always read from the store.
    /// </summary>
    public int RenditionMemoryMegabytes { get; set; } = 64;

    /// <summary>Throws, naming the setting, when a value cannot work.</summary>
    public void Validate()
    {
        Require(RenderMemoryMegabytes > 0, "Media:RenderMemoryMegabytes must be more than 0.");
        Require(RenderMemoryWait >= TimeSpan.Zero, "Media:RenderMemoryWait must not be negative.");
        Require(LinkLifetime > TimeSpan.Zero && LinkLifetime <= MaxDuration, "Media:LinkLifetime must be more than 0 and at most 3650 days.");
        Require(LinkBucket >= TimeSpan.Zero && LinkBucket <= MaxDuration, "Media:LinkBucket must be between 0 and 3650 days.");
        Require(
            PermanentLinkGracePeriod >= TimeSpan.Zero && PermanentLinkGracePeriod <= MaxDuration,
            "Media:PermanentLinkGracePeriod must be between 0 (permanent links stop with their key) and 3650 days.");
        for (var i = 0; i < RetiredSigningKeys.Count; i++)
        {
            var retired = RetiredSigningKeys[i];
            Require(!string.IsNullOrWhiteSpace(retired.Key), $"Media:RetiredSigningKeys:{i}:Key is missing: the base64 secret that was retired.");
            Require(
                retired.RetiredAt is not null,
                $"Media:RetiredSigningKeys:{i}:RetiredAt is missing: the time the key stopped signing, with its offset (2026-12-07T22:00:00Z).");
            Require(
                !SigningKeys.Any(key => string.Equals(key.Trim(), retired.Key!.Trim(), StringComparison.Ordinal)),
                $"Media:RetiredSigningKeys:{i}:Key is also listed in Media:SigningKeys: a key is either in use or retired.");
        }
    }

    private static readonly TimeSpan MaxDuration = TimeSpan.FromDays(3650);

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new InvalidOperationException(message);
        }
    }
}

/// <summary>A signing key taken out of use, bound from "Media:RetiredSigningKeys:N": its secret and when it stopped signing.</summary>
public sealed class RetiredSigningKey
{
    /// <summary>The base64 secret, as it was listed in Media:SigningKeys.</summary>
    public string? Key { get; set; }

    /// <summary>When the last process stopped signing with it; grace periods count from here.</summary>
    public DateTimeOffset? RetiredAt { get; set; }
}
