using System.Security.Cryptography;
using System.Text;

namespace VehicleImages.Domain.Vehicles;

/// <summary>Name-based (version 5, RFC 9562) UUIDs for vehicle configurations, so re-ingesting gives the same ID.</summary>
public static class ConfigurationId
{
    /// <summary>The project's own namespace UUID; changing it would change every configuration ID.</summary>
    public static readonly Guid Namespace = new("5d0c6f3e-8a51-4d1b-9c7e-2f4a9b6e1c30");

    public static Guid For(VehicleConfiguration configuration) => NameBased(Namespace, configuration.IdentityName);

    /// <summary>UUID v5: SHA-1 of the namespace bytes and the UTF-8 name, with version and variant bits set.</summary>
    public static Guid NameBased(Guid namespaceId, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var size = 16 + Encoding.UTF8.GetByteCount(name);
        // Names are short; a long one goes to the heap rather than overflowing the stack.
        Span<byte> input = size <= 512 ? stackalloc byte[size] : new byte[size];
        namespaceId.TryWriteBytes(input, bigEndian: true, out _);
        var nameLength = Encoding.UTF8.GetBytes(name, input[16..]);

        Span<byte> hash = stackalloc byte[SHA1.HashSizeInBytes];
#pragma warning disable CA5350 // SHA-1 is what RFC 9562 prescribes for v5 UUIDs; it is an identifier, not a security boundary.
        SHA1.HashData(input[..(16 + nameLength)], hash);
#pragma warning restore CA5350
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true);
    }
}
