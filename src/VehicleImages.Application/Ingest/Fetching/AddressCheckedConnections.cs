using System.Net;
using System.Net.Sockets;

namespace VehicleImages.Application.Ingest.Fetching;

/// <summary>An address the fetch policy does not allow; the message says which and why.</summary>
public sealed class AddressRefusedException(string message) : IOException(message);

/// <summary>
/// Opens the fetcher's connections: resolves the host itself, refuses it unless every address it resolves to is
/// allowed, then connects to those same addresses, so a name cannot resolve to a public address for the check and
/// a private one for the connection.
/// </summary>
internal static class AddressCheckedConnections
{
    public static async ValueTask<Stream> ConnectAsync(FetchAddressPolicy policy, DnsEndPoint endPoint, CancellationToken cancellationToken)
    {
        var host = endPoint.Host;
        var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
        if (!policy.AllowsHost(host))
        {
            foreach (var address in addresses)
            {
                if (policy.Refusal(address) is { } kind)
                {
                    throw new AddressRefusedException(
                        $"{host} is {(literal is null ? $"resolved to {address}, " : "")}a {kind} address; only public addresses are fetched unless Ingest:AllowedHosts names it");
                }
            }
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, endPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
