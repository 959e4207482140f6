using System.Net;
using System.Net.Sockets;

namespace VehicleImages.Application.Access;

/// <summary>Which client an address stands for, when clients are limited per address.</summary>
public static class ClientAddresses
{
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
