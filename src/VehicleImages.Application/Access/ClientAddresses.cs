using System.Net;
using System.Net.Sockets;

namespace VehicleImages.Application.Access;

/// <summary>Which client an address stands for, when clients are limited per address, and how settings name addresses.</summary>
public static class ClientAddresses
{
    /// <summary>Reads a setting's entry naming an address (<c>192.168.1.5</c>, <c>::1</c>) or a network (<c>10.0.0.0/8</c>) as one range.</summary>
    public static bool TryParseRange(string entry, out IPNetwork range)
    {
        if (IPNetwork.TryParse(entry, out range))
        {
            return true;
        }

        if (IPAddress.TryParse(entry, out var address))
        {
            range = new IPNetwork(address, address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128);
            return true;
        }

        return false;
    }

    /// <summary>
    /// An IPv4 address (also written IPv4-mapped) is one client; an IPv6 address counts with its whole /64, since a
    /// host or household is usually given one, so an attacker cannot take a new allowance with each of its addresses.
    /// </summary>
    public static string ClientOf(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4().ToString();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
