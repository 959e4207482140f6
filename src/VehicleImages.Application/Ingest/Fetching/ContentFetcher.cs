using System.Net;
using System.Net.Http.Headers;

namespace VehicleImages.Application.Ingest.Fetching;

/// <summary>Reads an item's bytes from a local path or an http(s) URL, within a size limit and, for URLs, a time limit.</summary>
public sealed class ContentFetcher : IDisposable
{
    private readonly HttpClient _http;
    private readonly long _maxBytes;
    private readonly TimeSpan _timeout;

    public ContentFetcher(long maxBytes, TimeSpan timeout, HttpMessageHandler? handler = null)
    {
        _maxBytes = maxBytes;
        _timeout = timeout;
        _http = new HttpClient(handler ?? new SocketsHttpHandler
        {
            ConnectTimeout = timeout,
            MaxAutomaticRedirections = 5,
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

        if (file.Length > _maxBytes)
        {
            return (null, TooLarge(file.Length));
        }

        try
        {
            return (await File.ReadAllBytesAsync(path, cancellationToken), null);
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
            using var response = await _http.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
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
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = await body.ReadAsync(chunk, deadline.Token)) > 0)
            {
                if (buffer.Length + read > _maxBytes)
                {
                    return (null, TooLarge(buffer.Length + read));
                }

                buffer.Write(chunk, 0, read);
            }

            return (buffer.ToArray(), null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, new IngestRejection("fetch_timeout", $"GET {uri} took longer than {_timeout.TotalSeconds:0} s"));
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            // IOException covers a body that ends before its declared length: one bad download, not a failed run.
            return (null, new IngestRejection("fetch_failed", $"GET {uri} failed: {e.Message}"));
        }
    }

    private IngestRejection TooLarge(long length) =>
        new("too_many_bytes", $"file is {length / 1_000_000d:0.#} MB, over the {_maxBytes / 1_000_000d:0.#} MB limit");
}
