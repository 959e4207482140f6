using System.Net;
using System.Net.Http;
using System.Net.Sockets;

namespace VehicleImages.Storage.Blobs.S3;

/// <summary>
/// Connects names under "localhost" (bucket.localhost) to the loopback interface, as RFC 6761 asks of resolvers and
/// as curl and browsers do, where the system resolver does not (glibc without systemd-resolved, and .NET's Dns on it).
/// A local S3 server addressed virtual-host style, http://BUCKET.localhost:PORT, then works on any machine.
/// </summary>
internal static class LoopbackNames
{
    public static bool IsLoopbackName(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
        || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)
        || host.EndsWith(".localhost.", StringComparison.OrdinalIgnoreCase);

    /// <summary>A <see cref="SocketsHttpHandler.ConnectCallback"/>: other names resolve as usual.</summary>
    public static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var target = context.DnsEndPoint;
        EndPoint endPoint = IsLoopbackName(target.Host) ? new IPEndPoint(IPAddress.Loopback, target.Port) : target;
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(endPoint, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
