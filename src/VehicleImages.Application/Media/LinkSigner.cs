using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace VehicleImages.Application.Media;

/// <summary>
/// Signs and checks media links: HMAC-SHA256 over the path and the expiry time. Several keys verify, the first
/// signs, so keys rotate without breaking links already handed out.
/// </summary>
public sealed class LinkSigner
{
    private const int SignatureBytes = 16; // 128 bits: far beyond guessing, and short in a URL

    // Links already verified. A popular image's link is checked thousands of times a second, and the HMAC was a tenth
    // of a warm media request. Only genuine signatures get in, so forged links cannot fill it; expiry is still checked
    // on every request. Dropping the whole set now and then costs some HMACs again.
    private const int VerifiedLimit = 100_000;
    private readonly ConcurrentDictionary<(string Path, long Expires, string Signature), byte> _verified = new();

    private readonly byte[][] _keys;

    public LinkSigner(IEnumerable<byte[]> keys)
    {
        _keys = [.. keys];
        if (_keys.Length == 0 || _keys.Any(key => key.Length < 32))
        {
            throw new ArgumentException("At least one signing key of 32 bytes or more is needed.", nameof(keys));
        }
    }

    /// <summary>The signature for a path valid until <paramref name="expires"/> (unix seconds), base64url.</summary>
    public string Sign(string path, long expires) => Base64Url(Mac(_keys[0], path, expires));

    /// <summary>True when the signature is one of ours for this path and the link has not expired.</summary>
    public bool Verify(string path, long expires, string? signature, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(signature) || expires < now.ToUnixTimeSeconds() || !TryFromBase64Url(signature, out var presented))
        {
            return false;
        }

        var link = (path, expires, signature);
        if (_verified.ContainsKey(link))
        {
            return true;
        }

        foreach (var key in _keys)
        {
            // Constant-time comparison: timing must not reveal how much of a forged signature was right.
            if (CryptographicOperations.FixedTimeEquals(Mac(key, path, expires), presented))
            {
                if (_verified.Count >= VerifiedLimit)
                {
                    _verified.Clear();
                }

                _verified.TryAdd(link, 0);
                return true;
            }
        }

        return false;
    }

    private static byte[] Mac(byte[] key, string path, long expires)
    {
        var message = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{path}\n{expires}"));
        return HMACSHA256.HashData(key, message)[..SignatureBytes];
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static bool TryFromBase64Url(string text, out byte[] bytes)
    {
        bytes = [];
        if (text.Length != 22)
        {
            return false;
        }

        var padded = text.Replace('-', '+').Replace('_', '/') + "==";
        var buffer = new byte[SignatureBytes + 2];
        if (!Convert.TryFromBase64String(padded, buffer, out var written) || written != SignatureBytes)
        {
            return false;
        }

        bytes = buffer[..SignatureBytes];
        return true;
    }
}
