using System.Net;
using System.Net.Http.Headers;

namespace VehicleImages.Application.Ingest.Fetching;

/// <summary>Reads an item's bytes from a local path or an http(s) URL, within a size limit and, for URLs, a time limit.</summary>
public sealed class ContentFetcher : IDisposable
{
    private const int MaxRedirects = 5;

    private readonly HttpClient _http;
    private readonly long _maxBytes;
    private readonly TimeSpan _timeout;

    /// <summary>A fetcher reading at most <paramref name="maxBytes"/> per item, from the addresses <paramref name="addresses"/> allows.</summary>
    public ContentFetcher(long maxBytes, TimeSpan timeout, FetchAddressPolicy addresses)
    {
        _maxBytes = maxBytes;
        _timeout = timeout;
        _http = new HttpClient(new SocketsHttpHandler
        {
            ConnectTimeout = timeout,

            // Redirects are followed here, one hop at a time, so each new location's scheme is checked; each
            // connection, the first and every redirect's, goes through the address check.
            AllowAutoRedirect = false,
            ConnectCallback = (context, token) => AddressCheckedConnections.ConnectAsync(addresses, context.DnsEndPoint, token),
            AutomaticDecompression = DecompressionMethods.None,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        })
        {
            Timeout = Timeout.InfiniteTimeSpan, // the per-request token below bounds the whole transfer, body included
        };
        _http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("vehicle-images-ingest", "1.0"));
    }

    /// <summary>The bytes, or a rejection (missing file, HTTP error, too large, too slow).</summary>
    public async Task<(byte[]? Bytes, IngestRejection? Rejection)> FetchAsync(string location, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(location))
        {
            return (null, new IngestRejection("missing_file", "the record names no file"));
        }

        return Uri.TryCreate(location, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? await DownloadAsync(uri, cancellationToken)
            : await ReadFileAsync(location, cancellationToken);
    }

    public void Dispose() => _http.Dispose();

    private async Task<(byte[]?, IngestRejection?)> ReadFileAsync(string path, CancellationToken cancellationToken)
    {
        FileInfo file;
        try
        {
            file = new FileInfo(path);
        }
        catch (ArgumentException e)
        {
            return (null, new IngestRejection("invalid_path", $"'{path}' is not a valid path: {e.Message}"));
        }

        if (!file.Exists)
        {
            return (null, new IngestRejection("file_not_found", $"no file at {path}"));
        }

        // A device or a pipe reports a length of 0 and may never end, or never open.
        if (FileKinds.IsRegularFile(path) == false)
        {
            return (null, new IngestRejection("not_a_file", $"{path} is not a regular file (a device, a pipe or a socket)"));
        }

        if (file.Length > _maxBytes)
        {
            return (null, TooLarge(file.Length));
        }

        try
        {
            await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0);
            return await ReadBoundedAsync(stream, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, new IngestRejection("unreadable_file", $"cannot read {path}: {e.Message}"));
        }
    }

    private async Task<(byte[]?, IngestRejection?)> DownloadAsync(Uri uri, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_timeout);
        try
        {
            for (var hops = 0; ; hops++)
            {
                using var response = await _http.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
                if (IsRedirect(response.StatusCode) && response.Headers.Location is { } location)
                {
                    var next = location.IsAbsoluteUri ? location : new Uri(uri, location);
                    if (next.Scheme != Uri.UriSchemeHttp && next.Scheme != Uri.UriSchemeHttps)
                    {
                        return (null, new IngestRejection("redirect_refused", $"GET {uri} redirects to {next.Scheme}:, which is not fetched (only http and https)"));
                    }

                    if (hops == MaxRedirects)
                    {
                        return (null, new IngestRejection("redirect_refused", $"GET {uri} redirects more than {MaxRedirects} times"));
                    }

                    uri = next;
                    continue;
                }

                if (!response.IsSuccessStatusCode)
                {
                    return (null, new IngestRejection("fetch_failed", $"GET {uri} answered {(int)response.StatusCode} {response.ReasonPhrase}"));
                }

                if (response.Content.Headers.ContentLength is { } declared && declared > _maxBytes)
                {
                    return (null, TooLarge(declared));
                }

                // The declared length can lie or be absent: count while reading and stop at the limit.
                await using var body = await response.Content.ReadAsStreamAsync(deadline.Token);
                return await ReadBoundedAsync(body, deadline.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, new IngestRejection("fetch_timeout", $"GET {uri} took longer than {_timeout.TotalSeconds:0} s"));
        }
        catch (HttpRequestException e) when (e.InnerException is AddressRefusedException refused)
        {
            return (null, new IngestRejection("address_refused", $"GET {uri} refused: {refused.Message}"));
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            // IOException covers a body that ends before its declared length: one bad download, not a failed run.
            return (null, new IngestRejection("fetch_failed", $"GET {uri} failed: {e.Message}"));
        }
    }

    // Reads until the end, or until one byte past the limit, whatever the source claimed its length was.
    private async Task<(byte[]?, IngestRejection?)> ReadBoundedAsync(Stream source, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await source.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > _maxBytes)
            {
                return (null, TooLarge(buffer.Length + read));
            }

            buffer.Write(chunk, 0, read);
        }

        return (buffer.ToArray(), null);
    }

    private static bool IsRedirect(HttpStatusCode status) => (int)status is >= 300 and < 400 and not 304;

    private IngestRejection TooLarge(long length) =>
        new("too_many_bytes", $"file is {length / 1_000_000d:0.#} MB, over the {_maxBytes / 1_000_000d:0.#} MB limit");
}
