using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace VehicleImages.Testing;

/// <summary>What the proxy does with one request.</summary>
public enum Fault
{
    /// <summary>Forward it to the real server.</summary>
    None,

    /// <summary>Answer 503 SlowDown, as S3 does when it sheds load.</summary>
    ServiceUnavailable,

    /// <summary>Answer 500 InternalError.</summary>
    InternalError,

    /// <summary>Take the request and never answer, as a stuck server or a dead link does.</summary>
    Hang,
}

/// <summary>
/// A small HTTP/1.1 proxy on loopback in front of a real server, which fails the requests a rule picks and forwards
/// the rest byte for byte, so signatures stay valid. It keeps one request per connection (it asks the server to close
/// after answering), which lets it judge every request a client sends.
/// </summary>
public sealed class FaultInjectingProxy : IAsyncDisposable
{
    private const int MaxHeadBytes = 64 * 1024;

    private readonly TcpListener _listener;
    private readonly int _upstreamPort;
    private readonly Func<string, Fault> _rule;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentQueue<(string RequestLine, Fault Fault)> _seen = new();
    private readonly Task _accepting;

    /// <param name="upstreamPort">The real server's port on 127.0.0.1.</param>
    /// <param name="rule">Picks the fault for a request from its request line ("PUT /bucket/key?partNumber=2 HTTP/1.1").</param>
    /// <param name="listenPort">The port to listen on, e.g. one a client was already given while nothing listened there; 0 for any free one.</param>
    public FaultInjectingProxy(int upstreamPort, Func<string, Fault> rule, int listenPort = 0)
    {
        _upstreamPort = upstreamPort;
        _listener = new TcpListener(IPAddress.Loopback, listenPort);
        _rule = rule;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public Uri Url => new($"http://127.0.0.1:{Port}");

    /// <summary>Every request seen so far with what was done to it.</summary>
    public IReadOnlyList<(string RequestLine, Fault Fault)> Seen => [.. _seen];

    public int FaultsServed => _seen.Count(request => request.Fault != Fault.None);

    /// <summary>A rule that fails the first <paramref name="count"/> requests with <paramref name="fault"/> and forwards the rest.</summary>
    public static Func<string, Fault> FirstRequests(int count, Fault fault)
    {
        var remaining = count;
        return _ => Interlocked.Decrement(ref remaining) >= 0 ? fault : Fault.None;
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (OperationCanceledException)
        {
        }

        _stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptSocketAsync(_stopping.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(Socket client)
    {
        using var _ = client;
        await using var clientStream = new NetworkStream(client, ownsSocket: false);
        try
        {
            var (head, extra) = await ReadHeadAsync(clientStream);
            if (head is null)
            {
                return;
            }

            var requestLine = head[..head.IndexOf("\r\n", StringComparison.Ordinal)];
            var fault = _rule(requestLine);
            _seen.Enqueue((requestLine, fault));
            switch (fault)
            {
                case Fault.None:
                    await ForwardAsync(clientStream, head, extra);
                    break;
                case Fault.Hang:
                    await Task.Delay(Timeout.Infinite, _stopping.Token);
                    break;
                default:
                    await AnswerWithErrorAsync(clientStream, head, extra.Length, fault);
                    break;
            }
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException)
        {
            // The client gave up or the proxy is stopping: either way this connection is done.
        }
    }

    private async Task ForwardAsync(NetworkStream clientStream, string head, ReadOnlyMemory<byte> extra)
    {
        using var upstream = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await upstream.ConnectAsync(new IPEndPoint(IPAddress.Loopback, _upstreamPort), _stopping.Token);
        await using var upstreamStream = new NetworkStream(upstream, ownsSocket: false);

        // Connection is a hop-by-hop header that no signature covers; "close" ends the exchange after one answer.
        var lines = head.Split("\r\n").Where(line => !line.StartsWith("Connection:", StringComparison.OrdinalIgnoreCase)).ToList();
        lines.Insert(lines.Count - 2, "Connection: close");
        await upstreamStream.WriteAsync(Encoding.Latin1.GetBytes(string.Join("\r\n", lines)), _stopping.Token);
        await upstreamStream.WriteAsync(extra, _stopping.Token);

        using var done = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
        var requestBody = clientStream.CopyToAsync(upstreamStream, done.Token);
        await upstreamStream.CopyToAsync(clientStream, _stopping.Token);
        await done.CancelAsync();
        try
        {
            await requestBody;
        }
        catch (Exception e) when (e is IOException or OperationCanceledException)
        {
        }
    }

    private async Task AnswerWithErrorAsync(NetworkStream clientStream, string head, int bodyBytesRead, Fault fault)
    {
        // Take in the body first (unless the client waits for "100 Continue"), so the client reads an answer rather
        // than a connection reset while it is still sending.
        var expectsContinue = head.Contains("\r\nExpect: 100-continue", StringComparison.OrdinalIgnoreCase);
        var remaining = ContentLength(head) - bodyBytesRead;
        if (!expectsContinue && remaining > 0)
        {
            var sink = new byte[64 * 1024];
            while (remaining > 0)
            {
                var read = await clientStream.ReadAsync(sink.AsMemory(0, (int)Math.Min(sink.Length, remaining)), _stopping.Token);
                if (read == 0)
                {
                    return;
                }

                remaining -= read;
            }
        }

        var (status, code) = fault == Fault.ServiceUnavailable ? ("503 Slow Down", "SlowDown") : ("500 Internal Server Error", "InternalError");
        var body = $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>{code}</Code><Message>Injected by the test proxy.</Message></Error>";
        var isHead = head.StartsWith("HEAD ", StringComparison.Ordinal);
        var response = $"HTTP/1.1 {status}\r\nContent-Type: application/xml\r\nContent-Length: {Encoding.UTF8.GetByteCount(body)}\r\nConnection: close\r\n\r\n{(isHead ? "" : body)}";
        await clientStream.WriteAsync(Encoding.UTF8.GetBytes(response), _stopping.Token);
    }

    // The request head as text, and whatever body bytes arrived with it.
    private async Task<(string? Head, ReadOnlyMemory<byte> Extra)> ReadHeadAsync(NetworkStream stream)
    {
        var buffer = new byte[MaxHeadBytes];
        var filled = 0;
        while (filled < buffer.Length)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(filled), _stopping.Token);
            if (read == 0)
            {
                return (null, ReadOnlyMemory<byte>.Empty);
            }

            filled += read;
            var end = buffer.AsSpan(0, filled).IndexOf("\r\n\r\n"u8);
            if (end >= 0)
            {
                return (Encoding.Latin1.GetString(buffer, 0, end + 4), buffer.AsMemory(end + 4, filled - end - 4));
            }
        }

        throw new IOException("The request head is too long.");
    }

    private static long ContentLength(string head)
    {
        foreach (var line in head.Split("\r\n"))
        {
            if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            {
                return long.Parse(line["Content-Length:".Length..].Trim(), CultureInfo.InvariantCulture);
            }
        }

        return 0;
    }
}
