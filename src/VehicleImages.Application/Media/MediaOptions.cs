namespace VehicleImages.Application.Media;

/// <summary>How media links are signed and how long they live, bound from the "Media" configuration section.</summary>
public sealed class MediaOptions
{
    public const string Section = "Media";

    /// <summary>The scheme and host links are made absolute with (a CDN, a reverse proxy); unset: the request's own.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>
    /// HMAC secrets, base64, at least 32 bytes each. The first signs new links; all verify, so a key can be rotated
    /// in (added second, then moved first) and out without breaking links in flight. Empty: a secret is generated
    /// once and kept in the data folder.
    /// </summary>
    public IList<string> SigningKeys { get; } = [];

    /// <summary>How long a link stays valid at least.</summary>
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// Expiry times are rounded up to this step, so repeated requests get the same URL for a while and CDNs can
    /// cache it; a link lives between LinkLifetime and LinkLifetime + LinkBucket.
    /// </summary>
    public TimeSpan LinkBucket { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Renders running at once; more wait their turn, up to <see cref="MaxQueuedRenders"/>.</summary>
    public int MaxConcurrentRenders { get; set; } = Environment.ProcessorCount;

    /// <summary>Renders waiting for a turn before new ones are refused with 503 and Retry-After.</summary>
    public int MaxQueuedRenders { get; set; } = 256;

    /// <summary>
    /// Memory for the bytes of recently served renditions, so warm media requests skip the blob store; 0 turns it
    /// off. Renditions over 1 MB are always read from the store.
    /// </summary>
    public int RenditionMemoryMegabytes { get; set; } = 64;
}
