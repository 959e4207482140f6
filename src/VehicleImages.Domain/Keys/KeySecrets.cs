using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace VehicleImages.Domain.Keys;

/// <summary>Makes and hashes API key secrets: "vik_" and 32 base62 characters (190 bits from a CSPRNG).</summary>
public static class KeySecrets
{
    public const string Marker = "vik_";
    public const int PrefixLength = 8;
    private const int RandomCharacters = 32;
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static readonly SearchValues<char> AlphabetCharacters = SearchValues.Create(Alphabet);

    public static string Generate() => Marker + RandomNumberGenerator.GetString(Alphabet, RandomCharacters);

    /// <summary>True when the value has a whole secret's shape: the marker and 32 base62 characters.</summary>
    public static bool IsSecretShaped(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Length == Marker.Length + RandomCharacters
            && value.StartsWith(Marker, StringComparison.Ordinal)
            && value.AsSpan(Marker.Length).IndexOfAnyExcept(AlphabetCharacters) < 0;
    }

    /// <summary>
    /// SHA-256, not a slow password hash: a secret with 190 random bits cannot be guessed from its hash, and a
    /// fast hash lets every request check its key in microseconds.
    /// </summary>
    public static string Hash(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
    }

    /// <summary>What listings show of a secret: enough to recognise it, far too little to use it.</summary>
    public static string PrefixOf(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return secret[..Math.Min(secret.Length, PrefixLength)];
    }

    /// <summary>A new key record for a new secret.</summary>
    public static (ApiKey Key, string Secret) Create(string name, KeyScopes scopes, string plan, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var secret = Generate();
        return (new ApiKey
        {
            Id = Guid.CreateVersion7(now),
            Name = name.Trim(),
            Prefix = PrefixOf(secret),
            SecretHash = Hash(secret),
            Plan = plan,
            Scopes = scopes,
            CreatedAt = now,
        }, secret);
    }
}
