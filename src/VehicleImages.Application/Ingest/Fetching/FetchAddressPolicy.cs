using System.Net;
using System.Net.Sockets;
using VehicleImages.Application.Access;

namespace VehicleImages.Application.Ingest.Fetching;

/// <summary>
/// Which addresses ingest may fetch from: public ones only, so that a manifest or an admin upload cannot make the
/// server reach itself, its network or its cloud's metadata service (server-side request forgery). The check is on
/// the addresses a name resolves to, however the URL spelled them, and an operator can let named hosts or networks
/// through (Ingest:AllowedHosts).
/// </summary>
public sealed class FetchAddressPolicy
{
    /// <summary>Public addresses only, no exceptions.</summary>
    public static readonly FetchAddressPolicy PublicOnly = new([]);

    // Loopback, private, link-local, shared (CGNAT), multicast, unspecified, reserved, documentation and benchmark
    // ranges: nothing an ingest from the internet has reason to reach. IPv6 forms that carry an IPv4 address
    // (mapped, compatible, NAT64, 6to4) are judged by that address.
    private static readonly (IPNetwork Network, string Kind)[] NotPublic =
    [
        (IPNetwork.Parse("0.0.0.0/8"), "unspecified"), (IPNetwork.Parse("10.0.0.0/8"), "private"), (IPNetwork.Parse("100.64.0.0/10"), "shared (CGNAT)"),
        (IPNetwork.Parse("127.0.0.0/8"), "loopback"), (IPNetwork.Parse("169.254.0.0/16"), "link-local"), (IPNetwork.Parse("172.16.0.0/12"), "private"),
        (IPNetwork.Parse("192.0.0.0/24"), "reserved"), (IPNetwork.Parse("192.0.2.0/24"), "documentation"), (IPNetwork.Parse("192.168.0.0/16"), "private"),
        (IPNetwork.Parse("198.18.0.0/15"), "benchmarking"), (IPNetwork.Parse("198.51.100.0/24"), "documentation"),
        (IPNetwork.Parse("203.0.113.0/24"), "documentation"), (IPNetwork.Parse("224.0.0.0/4"), "multicast"), (IPNetwork.Parse("240.0.0.0/4"), "reserved"),
        (IPNetwork.Parse("::1/128"), "loopback"), (IPNetwork.Parse("fc00::/7"), "private"), (IPNetwork.Parse("fe80::/10"), "link-local"),
        (IPNetwork.Parse("fec0::/10"), "site-local"), (IPNetwork.Parse("ff00::/8"), "multicast"), (IPNetwork.Parse("100::/64"), "discard"),
        (IPNetwork.Parse("2001::/32"), "Teredo"), (IPNetwork.Parse("2001:db8::/32"), "documentation"),
    ];

    private static readonly IPNetwork Compatible = IPNetwork.Parse("::/96");
    private static readonly IPNetwork Nat64 = IPNetwork.Parse("64:ff9b::/96");
    private static readonly IPNetwork SixToFour = IPNetwork.Parse("2002::/16");

    private readonly HashSet<string> _allowedHosts = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<IPNetwork> _allowedNetworks = [];

    /// <summary>A policy letting through, besides public addresses, these host names, addresses and networks (CIDR).</summary>
    public FetchAddressPolicy(IEnumerable<string> allowed)
    {
        foreach (var entry in allowed.Select(e => e.Trim()).Where(e => e.Length > 0))
        {
            if (ClientAddresses.TryParseRange(entry, out var network))
            {
                _allowedNetworks.Add(network);
            }
            else
            {
                _allowedHosts.Add(entry.TrimEnd('.'));
            }
        }
    }

    /// <summary>Whether the operator named this host, so any address it resolves to may be fetched.</summary>
    public bool AllowsHost(string host) => _allowedHosts.Contains(host.TrimEnd('.'));

    /// <summary>Why this address may not be fetched ("loopback", "private", …), or null when it may.</summary>
    public string? Refusal(IPAddress address)
    {
        if (_allowedNetworks.Any(n => n.Contains(address)))
        {
            return null;
        }

        return NotPublic.FirstOrDefault(range => range.Network.Contains(address)).Kind
            ?? (EmbeddedIPv4(address) is { } inner ? Refusal(inner) : null);
    }

    private static IPAddress? EmbeddedIPv4(IPAddress address)
    {
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return null;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4();
        }

        var bytes = address.GetAddressBytes();
        return Compatible.Contains(address) || Nat64.Contains(address) ? new IPAddress(bytes[12..16])
            : SixToFour.Contains(address) ? new IPAddress(bytes[2..6])
            : null;
    }
}
