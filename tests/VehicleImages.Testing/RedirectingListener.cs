using System.Net;
using System.Net.Sockets;
using System.Text;

namespace VehicleImages.Testing;

/// <summary>
/// A loopback HTTP server that answers every request with a redirect to one location, as a hostile host would to
/// send a fetcher where it should not go. One request per connection; disposing stops it.
/// </summary>
public sealed class RedirectingListener : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _serving;
    private readonly byte[] _answer;

    public RedirectingListener(string location)
    {
        _answer = Encoding.ASCII.GetBytes($"HTTP/1.1 302 Found\r\nLocation: {location}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        _listener.Start();
        _serving = ServeAsync();
    }

    /// <summary>A URL on this server, spelled with the host name "localhost" so an allow-list can name it.</summary>
    public string Url(string path) => $"http://localhost:{((IPEndPoint)_listener.LocalEndpoint).Port}{path}";

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        await _serving;
        _listener.Dispose();
        _stopping.Dispose();
    }

    private async Task ServeAsync()
    {
        try
        {
            while (true)
            {
                using var client = await _listener.AcceptTcpClientAsync(_stopping.Token);
                await using var stream = client.GetStream();
                var request = new byte[4096];
                _ = await stream.ReadAsync(request, _stopping.Token);
                await stream.WriteAsync(_answer, _stopping.Token);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopped.
        }
    }
}
