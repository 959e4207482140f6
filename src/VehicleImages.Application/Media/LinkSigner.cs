using System.Buffers;
using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace VehicleImages.Application.Media;

/// <summary>
/// Signs and checks media links with HMAC-SHA256: expiring links over the path and the expiry time, permanent links
/// (auto.dev's photo files) over the path alone. The first key in use signs and every key in use verifies, so keys
/// rotate without breaking links handed out; a retired key verifies only for a bounded time (see <see cref="SigningKey"/>).
/// </summary>
public sealed class LinkSigner
{
    private const int SignatureBytes = 16; // 128 bits: far beyond guessing, and short in a URL
    private const int SignatureLength = 22; // base64url of 16 bytes, unpadded

    // A permanent link is MACed over a message that starts where no expiring link's can (every path starts with '/'),
    // so a signature of one kind never verifies as the other: an expiring link cannot be made permanent, nor the reverse.
    private const string PermanentDomain = "permanent\n";

    private static readonly SearchValues<char> UrlAlphabet = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");

    // Links already verified, with the moment their key stops vouching for them. A popular image's link is checked
    // thousands of times a second, and the HMAC was a tenth of a warm media request. Only genuine signatures get in,
    // so forged links cannot fill it; expiry is still checked on every request. Dropping the whole set now and then
    // costs some HMACs again.
    private const int VerifiedLimit = 100_000;
    private readonly ConcurrentDictionary<(string Path, long? Expires, string Signature), DateTimeOffset> _verified = new();

    private readonly Verifier[] _verifiers;
    private readonly byte[] _signing;

    /// <summary>
    /// A signer over <paramref name="keys"/>: a retired key verifies permanent links for
    /// <paramref name="permanentLinkGracePeriod"/> after its retirement, and expiring links only when they expire
    /// within <paramref name="longestLinkLife"/> of it, that is only those it could have signed.
    /// </summary>
    public LinkSigner(IEnumerable<SigningKey> keys, TimeSpan longestLinkLife, TimeSpan permanentLinkGracePeriod)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var all = keys.ToArray();
        if (all.Any(key => key.Secret.Length < SigningKey.MinimumBytes))
        {
            throw new ArgumentException($"Every signing key needs {SigningKey.MinimumBytes} bytes or more.", nameof(keys));
        }

        _signing = all.FirstOrDefault(key => key.InUse)?.Secret
            ?? throw new ArgumentException("At least one signing key must be in use (not retired).", nameof(keys));
        _verifiers = [.. all.Select(key => Verifier.For(key, longestLinkLife, permanentLinkGracePeriod))];
    }

    /// <summary>The signature for a path valid until <paramref name="expires"/> (unix seconds), base64url.</summary>
    public string Sign(string path, long expires) => Base64Url.EncodeToString(Mac(_signing, ExpiringMessage(path, expires)));

    /// <summary>The signature for a path that never expires, base64url.</summary>
    public string SignPermanent(string path) => Base64Url.EncodeToString(Mac(_signing, PermanentMessage(path)));

    /// <summary>True when the signature is one of ours for this path and expiry, in its one spelling, and the link has not expired.</summary>
    public bool Verify(string path, long expires, string? signature, DateTimeOffset now) =>
        expires >= now.ToUnixTimeSeconds() && Check(path, expires, signature, now);

    /// <summary>True when the signature is one of ours for this permanent path, in its one spelling, and its key still vouches for it.</summary>
    public bool VerifyPermanent(string path, string? signature, DateTimeOffset now) => Check(path, null, signature, now);

    private bool Check(string path, long? expires, string? signature, DateTimeOffset now)
    {
        var link = (RootRelative(path), expires, signature ?? "");
        if (_verified.TryGetValue(link, out var vouchedUntil))
        {
            return now <= vouchedUntil;
        }

        if (signature is null || !TryDecodeCanonical(signature, out var presented))
        {
            return false;
        }

        var message = expires is { } until ? ExpiringMessage(path, until) : PermanentMessage(path);
        foreach (var verifier in _verifiers)
        {
            // Constant-time comparison: timing must not reveal how much of a forged signature was right.
            if (CryptographicOperations.FixedTimeEquals(Mac(verifier.Secret, message), presented))
            {
                if (_verified.Count >= VerifiedLimit)
                {
                    _verified.Clear();
                }

                vouchedUntil = verifier.VouchesUntil(expires);
                _verified.TryAdd(link, vouchedUntil);
                return now <= vouchedUntil;
            }
        }

        return false;
    }

    private static byte[] ExpiringMessage(string path, long expires) =>
        Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{RootRelative(path)}\n{expires}"));

    private static byte[] PermanentMessage(string path) => Encoding.UTF8.GetBytes(PermanentDomain + RootRelative(path));

    private static string RootRelative(string path) =>
        path.StartsWith('/') ? path : throw new ArgumentException("Links are signed over a root-relative path.", nameof(path));

    private static byte[] Mac(byte[] key, byte[] message) => HMACSHA256.HashData(key, message)[..SignatureBytes];

    // Only the spelling Sign writes: 22 characters of A-Z a-z 0-9 - _, no padding, the 4 unused low bits zero.
    // Decoders differ in what they forgive (padding, white space, the other alphabet, spare bits); anything forgiven
    // would give one link several spellings and a CDN several copies, so the decoded bytes must encode back to the text.
    private static bool TryDecodeCanonical(string text, out byte[] bytes)
    {
        bytes = new byte[SignatureBytes];
        return text.Length == SignatureLength
            && !text.AsSpan().ContainsAnyExcept(UrlAlphabet)
            && Base64Url.DecodeFromChars(text, bytes, out _, out var written) == OperationStatus.Done
            && written == SignatureBytes
            && string.Equals(Base64Url.EncodeToString(bytes), text, StringComparison.Ordinal);
    }

    // A key and how long it vouches: a key in use, always; a retired key, for permanent links until its grace period
    // ends, and for expiring links only those that expire within the longest life of a link made before it retired.
    private sealed record Verifier(byte[] Secret, DateTimeOffset PermanentUntil, long LatestExpiry)
    {
        public static Verifier For(SigningKey key, TimeSpan longestLinkLife, TimeSpan grace) => key.RetiredAt is { } retired
            ? new Verifier(key.Secret, Later(retired, grace), Later(retired, longestLinkLife).ToUnixTimeSeconds())
            : new Verifier(key.Secret, DateTimeOffset.MaxValue, long.MaxValue);

        public DateTimeOffset VouchesUntil(long? expires) => expires switch
        {
            null => PermanentUntil,
            { } until when until <= LatestExpiry => DateTimeOffset.MaxValue,
            _ => DateTimeOffset.MinValue,
        };

        private static DateTimeOffset Later(DateTimeOffset from, TimeSpan by) =>
            by >= DateTimeOffset.MaxValue - from ? DateTimeOffset.MaxValue : from + by;
    }
}
