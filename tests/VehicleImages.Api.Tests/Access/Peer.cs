using System.Net;
using System.Net.Sockets;
using System.Text;

namespace VehicleImages.Api.Tests.Access;

/// <summary>
/// A client on its own loopback address (127.0.0.N), so each test is its own TCP peer to one shared server. It sends
/// through HttpClient, which joins a repeated header into one line (<c>X-API-Key: K, K</c>), or exactly as written,
/// one line per header, as other clients and proxies do.
/// </summary>
internal sealed class Peer(Uri server, IPAddress address) : IDisposable
{
    private readonly HttpClient _client = new(new SocketsHttpHandler { ConnectCallback = (context, token) => ConnectAsync(address, context.DnsEndPoint, token) })
    {
        BaseAddress = server,
    };

    /// <summary>Sends through HttpClient.</summary>
    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request) => _client.SendAsync(request, TestContext.Current.CancellationToken);

    /// <summary>Sends a GET with these header lines as written, each on its own line, and reads the whole answer.</summary>
    public async Task<HttpResponseMessage> SendLinesAsync(string target, IEnumerable<(string Name, string Value)> headers)
    {
        var cancel = TestContext.Current.CancellationToken;
        var request = new StringBuilder($"GET {target} HTTP/1.0\r\nHost: {server.Authority}\r\n");
        foreach (var (name, value) in headers)
        {
            request.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        // HTTP/1.0: the server answers without chunking and closes the connection, so the answer is all that is read.
        await using var stream = await ConnectAsync(address, new DnsEndPoint(server.Host, server.Port), cancel);
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request.Append("\r\n").ToString()), cancel);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return Parse(await reader.ReadToEndAsync(cancel), new Uri(server, target));
    }

    public void Dispose() => _client.Dispose();

    private static async ValueTask<Stream> ConnectAsync(IPAddress from, DnsEndPoint to, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.Bind(new IPEndPoint(from, 0));
            await socket.ConnectAsync(to, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static HttpResponseMessage Parse(string answer, Uri requested)
    {
        var split = answer.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var lines = answer[..split].Split("\r\n");
        var response = new HttpResponseMessage((HttpStatusCode)int.Parse(lines[0].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture))
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes(answer[(split + 4)..])),
            RequestMessage = new HttpRequestMessage(HttpMethod.Get, requested),
        };
        foreach (var line in lines.Skip(1))
        {
            var (name, value) = (line[..line.IndexOf(':', StringComparison.Ordinal)], line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim());
            if (!response.Headers.TryAddWithoutValidation(name, value))
            {
                response.Content.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return response;
    }
}
