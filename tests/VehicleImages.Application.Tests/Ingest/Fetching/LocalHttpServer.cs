using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace VehicleImages.Application.Tests.Ingest.Fetching;

/// <summary>One request as the local server read it: the path and the header lines.</summary>
internal sealed record LocalRequest(string Path, IReadOnlyList<string> Headers);

/// <summary>
/// A bare HTTP/1.1 server on a free loopback port that hands each request to the test, which writes the raw
/// response itself, so tests can send what a real server would not: lying lengths, endless bodies, stalls.
/// One request per connection; disposing stops the listener and waits for every connection to end.
/// </summary>
internal sealed class LocalHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentQueue<Task> _connections = new();
    private readonly Func<LocalRequest, Stream, CancellationToken, Task> _respond;
    private readonly Task _accepting;

    public LocalHttpServer(Func<LocalRequest, Stream, CancellationToken, Task> respond)
    {
        _respond = respond;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public ConcurrentQueue<LocalRequest> Requests { get; } = new();

    public Uri Url(string path) => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}{path}");

    public static async Task WriteAsync(Stream stream, string text, CancellationToken cancellationToken)
    {
        await stream.WriteAsync(Encoding.ASCII.GetBytes(text), cancellationToken);
        await stream.FlushAsync(cancellationToken);
    }

    /// <summary>A complete response with a Content-Length, after which the connection closes.</summary>
    public static async Task WriteResponseAsync(Stream stream, string status, byte[] body, CancellationToken cancellationToken)
    {
        await WriteAsync(stream, $"HTTP/1.1 {status}\r\nContent-Type: application/octet-stream\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n", cancellationToken);
        await stream.WriteAsync(body, cancellationToken);
        await stream.FlushAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        await _accepting;
        await Task.WhenAll(_connections);
        _listener.Dispose();
        _stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                var client = await _listener.AcceptTcpClientAsync(_stopping.Token);
                _connections.Enqueue(ServeAsync(client));
            }
        }
        catch (OperationCanceledException)
        {
            // Disposed.
        }
        catch (SocketException)
        {
            // The listener stopped while accepting.
        }
        catch (InvalidOperationException) when (_stopping.IsCancellationRequested)
        {
            // The listener stopped between two accepts: the next accept finds it no longer listening.
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                if (await ReadRequestAsync(stream, _stopping.Token) is { } request)
                {
                    Requests.Enqueue(request);
                    await _respond(request, stream, _stopping.Token);
                }
            }
            catch (OperationCanceledException)
            {
                // Disposed while the response stalled or streamed.
            }
            catch (IOException)
            {
                // The client hung up, as the fetcher does when it has read enough.
            }
        }
    }

    private static async Task<LocalRequest?> ReadRequestAsync(Stream stream, CancellationToken cancellationToken)
    {
        var head = new StringBuilder();
        var one = new byte[1];
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            if (await stream.ReadAsync(one, cancellationToken) == 0)
            {
                return null;
            }

            head.Append((char)one[0]);
        }

        var lines = head.ToString().Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        return new LocalRequest(lines[0].Split(' ')[1], lines[1..]);
    }
}
