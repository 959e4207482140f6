using System.Net;
using System.Net.Sockets;
using System.Text;
using VehicleImages.Application.Ingest.Fetching;

namespace VehicleImages.Application.Tests.Ingest.Fetching;

public sealed class ContentFetcherTests : IDisposable
{
    private const long Limit = 64 * 1024;
    private static readonly TimeSpan Patient = TimeSpan.FromSeconds(10);

    // The test servers listen on loopback, which the fetcher refuses unless told otherwise.
    private static readonly FetchAddressPolicy Loopback = new(["127.0.0.1"]);
    private static readonly byte[] Body = [.. Enumerable.Range(0, 5_000).Select(i => (byte)(i * 7))];

    private readonly TempDirectory _folder = new("vi-fetch");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_local_file_gives_its_bytes()
    {
        var path = _folder.Combine("a.jpg");
        await File.WriteAllBytesAsync(path, Body, TestContext.Current.CancellationToken);
        using var fetcher = new ContentFetcher(Limit, Patient, Loopback);

        var (bytes, rejection) = await fetcher.FetchAsync(path, TestContext.Current.CancellationToken);

        Assert.Null(rejection);
        Assert.Equal(Body, bytes);
    }

    [Fact]
    public async Task A_missing_local_file_is_rejected_as_file_not_found()
    {
        var path = _folder.Combine("missing.jpg");
        using var fetcher = new ContentFetcher(Limit, Patient, Loopback);

        var (bytes, rejection) = await fetcher.FetchAsync(path, TestContext.Current.CancellationToken);

        Assert.Null(bytes);
        Assert.Equal("file_not_found", rejection?.Reason);
        Assert.Contains(path, rejection!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_folder_is_rejected_as_file_not_found()
    {
        using var fetcher = new ContentFetcher(Limit, Patient, Loopback);

        var (_, rejection) = await fetcher.FetchAsync(_folder.Path, TestContext.Current.CancellationToken);

        Assert.Equal("file_not_found", rejection?.Reason);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task An_empty_location_is_rejected_as_missing_file(string location)
    {
        using var fetcher = new ContentFetcher(Limit, Patient, Loopback);

        var (bytes, rejection) = await fetcher.FetchAsync(location, TestContext.Current.CancellationToken);

        Assert.Null(bytes);
        Assert.Equal("missing_file", rejection?.Reason);
    }

    [Fact]
    public async Task A_local_file_exactly_at_the_limit_is_read()
    {
        var path = _folder.Combine("a.jpg");
        await File.WriteAllBytesAsync(path, new byte[Limit], TestContext.Current.CancellationToken);
        using var fetcher = new ContentFetcher(Limit, Patient, Loopback);

        var (bytes, rejection) = await fetcher.FetchAsync(path, TestContext.Current.CancellationToken);

        Assert.Null(rejection);
        Assert.Equal(Limit, bytes!.Length);
    }

    [Fact]
    public async Task A_local_file_one_byte_over_the_limit_is_rejected_as_too_many_bytes()
    {
        var path = _folder.Combine("a.jpg");
        await File.WriteAllBytesAsync(path, new byte[Limit + 1], TestContext.Current.CancellationToken);
        using var fetcher = new ContentFetcher(Limit, Patient, Loopback);

        var (bytes, rejection) = await fetcher.FetchAsync(path, TestContext.Current.CancellationToken);

        Assert.Null(bytes);
        Assert.Equal("too_many_bytes", rejection?.Reason);
    }

    [Fact]
    public async Task A_local_file_over_the_limit_is_rejected_without_being_read()
    {
        // Sparse, so it costs no disk; a read of a file over 2 GB fails as unreadable instead.
        var path = _folder.Combine("huge.jpg");
        using (var file = File.Create(path))
        {
            file.SetLength(3L * 1024 * 1024 * 1024);
        }

        using var fetcher = new ContentFetcher(10_000_000, Patient, Loopback);

        // Held open exclusively (.NET takes an advisory lock every .NET reader honours): a fetcher that opened the
        // file to read any of it would be refused and answer unreadable_file.
        await using var held = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.None);

        var (_, rejection) = await fetcher.FetchAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal("too_many_bytes", rejection?.Reason);
        Assert.Contains("3221.2 MB", rejection!.Message, StringComparison.Ordinal);
        Assert.Contains("10 MB", rejection.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_local_file_that_fails_to_read_is_rejected_as_unreadable()
    {
        // /proc/self/mem exists and reports no length, but reading it from offset 0 fails with EIO for every user,
        // root included: a real read error without depending on file modes.
        Assert.SkipUnless(OperatingSystem.IsLinux(), "Needs Linux's /proc.");
        using var fetcher = new ContentFetcher(Limit, Patient, Loopback);

        var (_, rejection) = await fetcher.FetchAsync("/proc/self/mem", TestContext.Current.CancellationToken);

        Assert.Equal("unreadable_file", rejection?.Reason);
    }

    [Fact]
    public async Task A_url_answered_with_200_gives_its_body()
    {
        await using var server = new LocalHttpServer((_, stream, token) => LocalHttpServer.WriteResponseAsync(stream, "200 OK", Body, token));
        using var fetcher = new ContentFetcher(Limit, Patient, Loopback);

        var (bytes, rejection) = await fetcher.FetchAsync(server.Url("/a.jpg").AbsoluteUri, TestContext.Current.CancellationToken);

        Assert.Null(rejection);
        Assert.Equal(Body, bytes);
    }

    [Fact]
    public async Task A_download_asks_for_the_path_of_the_url()
    {
        await using var server = new LocalHttpServer((_, stream, token) => LocalHttpServer.WriteResponseAsync(stream, "200 OK", Body, token));
        using var fetcher = new ContentFetcher(Limit, Patient, Loopback);

        await fetcher.FetchAsync(server.Url("/cars/a.jpg?w=1920").AbsoluteUri, TestContext.Current.CancellationToken);

        Assert.Equal("/cars/a.jpg?w=1920", Assert.Single(server.Requests).Path);
    }

    [Fact]
    public async Task A_download_names_ingest_as_its_user_agent()
    {
        await using var server = new LocalHttpServer((_, stream, token) => LocalHttpServer.WriteResponseAsync(stream, "200 OK", Body, token));
        using var fetcher = new ContentFetcher(Limit, Patient, Loopback);

        await fetcher.FetchAsync(server.Url("/a.jpg").AbsoluteUri, TestContext.Current.CancellationToken);

        Assert.Contains("User-Agent: vehicle-images-ingest/1.0", Assert.Single(server.Requests).Headers);
    }

    [Fact]
    public async Task A_404_is_rejected_as_fetch_failed_naming_the_status()
    {
        await using var server = new LocalHttpServer((_, stream, token) => LocalHttpServer.WriteResponseAsync(stream, "404 Not Found", "gone"u8.ToArray(), token));
        using var fetcher = new ContentFetcher(Limit, Patient, Loopback);

        var (bytes, rejection) = await fetcher.FetchAsync(server.Url("/a.jpg").AbsoluteUri, TestContext.Current.CancellationToken);

        Assert.Null(bytes);
        Assert.Equal("fetch_failed", rejection?.Reason);
        Assert.Contains("404", rejection!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_500_is_rejected_as_fetch_failed_naming_the_status()
    {
        await using var server = new LocalHttpServer((_, stream, token) => LocalHttpServer.WriteResponseAsync(stream, "500 Internal Server Error", [], token));
        using var fetcher = new ContentFetcher(Limit, Patient, Loopback);

        var (_, rejection) = await fetcher.FetchAsync(server.Url("/a.jpg").AbsoluteUri, TestContext.Current.CancellationToken);

        Assert.Equal("fetch_failed", rejection?.Reason);
        Assert.Contains("500", rejection!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_declared_length_over_the_limit_is_rejected_without_reading_the_body()
    {
        // The server promises a large body and sends none of it: a fetcher that waited for the body would answer
        // fetch_timeout instead.
        await using var server = new LocalHttpServer(async (_, stream, token) =>
        {
            await LocalHttpServer.WriteAsync(stream, $"HTTP/1.1 200 OK\r\nContent-Length: {Limit + 1}\r\nConnection: close\r\n\r\n", token);
            await Task.Delay(Timeout.Infinite, token);
        });
        using var fetcher = new ContentFetcher(Limit, Patient, Loopback);

        var (bytes, rejection) = await fetcher.FetchAsync(server.Url("/a.jpg").AbsoluteUri, TestContext.Current.CancellationToken);

        Assert.Null(bytes);
        Assert.Equal("too_many_bytes", rejection?.Reason);
    }

    [Fact]
    public async Task A_chunked_body_within_the_limit_is_read_whole()
    {
        await using var server = new LocalHttpServer(async (_, stream, token) =>
        {
            await LocalHttpServer.WriteAsync(stream, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n", token);
            foreach (var chunk in Body.Chunk(1_000))
            {
                await LocalHttpServer.WriteAsync(stream, $"{chunk.Length:x}\r\n", token);
                await stream.WriteAsync(chunk, token);
                await LocalHttpServer.WriteAsync(stream, "\r\n", token);
            }

            await LocalHttpServer.WriteAsync(stream, "0\r\n\r\n", token);
        });
        using var fetcher = new ContentFetcher(Limit, Patient, Loopback);

        var (bytes, rejection) = await fetcher.FetchAsync(server.Url("/a.jpg").AbsoluteUri, TestContext.Current.CancellationToken);

        Assert.Null(rejection);
        Assert.Equal(Body, bytes);
    }

    [Fact]
    public async Task An_endless_chunked_body_is_rejected_as_too_many_bytes_once_it_passes_the_limit()
    {
        // No Content-Length and no end: only counting while reading stops this download; without it the fetcher's
        // time limit would, as fetch_timeout.
        await using var server = new LocalHttpServer(async (_, stream, token) =>
        {
            await LocalHttpServer.WriteAsync(stream, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n", token);
            var chunk = Encoding.ASCII.GetBytes($"400\r\n{new string('x', 0x400)}\r\n");
            while (true)
            {
                await stream.WriteAsync(chunk, token);
            }
        });
        using var fetcher = new ContentFetcher(Limit, Patient, Loopback);

        var (bytes, rejection) = await fetcher.FetchAsync(server.Url("/a.jpg").AbsoluteUri, TestContext.Current.CancellationToken);

        Assert.Null(bytes);
        Assert.Equal("too_many_bytes", rejection?.Reason);
    }

    [Fact]
    public async Task A_body_without_a_length_exactly_at_the_limit_is_accepted()
    {
        await using var server = new LocalHttpServer(async (_, stream, token) =>
        {
            await LocalHttpServer.WriteAsync(stream, "HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n", token);
            await stream.WriteAsync(new byte[Limit], token);
        });
        using var fetcher = new ContentFetcher(Limit, Patient, Loopback);

        var (bytes, rejection) = await fetcher.FetchAsync(server.Url("/a.jpg").AbsoluteUri, TestContext.Current.CancellationToken);

        Assert.Null(rejection);
        Assert.Equal(Limit, bytes!.Length);
    }

    [Fact]
    public async Task A_body_without_a_length_one_byte_over_the_limit_is_rejected_as_too_many_bytes()
    {
        await using var server = new LocalHttpServer(async (_, stream, token) =>
        {
            await LocalHttpServer.WriteAsync(stream, "HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n", token);
            await stream.WriteAsync(new byte[Limit + 1], token);
        });
        using var fetcher = new ContentFetcher(Limit, Patient, Loopback);

        var (_, rejection) = await fetcher.FetchAsync(server.Url("/a.jpg").AbsoluteUri, TestContext.Current.CancellationToken);

        Assert.Equal("too_many_bytes", rejection?.Reason);
    }

    [Fact]
    public async Task A_server_that_stalls_after_the_headers_is_rejected_as_fetch_timeout_once_the_time_is_up()
    {
        await using var server = new LocalHttpServer(async (_, stream, token) =>
        {
            await LocalHttpServer.WriteAsync(stream, "HTTP/1.1 200 OK\r\nContent-Length: 5000\r\nConnection: close\r\n\r\n", token);
            await stream.WriteAsync(Body.AsMemory(0, 100), token);
            await Task.Delay(Timeout.Infinite, token);
        });
        using var fetcher = new ContentFetcher(Limit, TimeSpan.FromSeconds(1), Loopback);
        using var backstop = Backstop();

        var (bytes, rejection) = await fetcher.FetchAsync(server.Url("/a.jpg").AbsoluteUri, backstop.Token);

        Assert.Null(bytes);
        Assert.Equal("fetch_timeout", rejection?.Reason);
        Assert.Contains("longer than 1 s", rejection!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_that_never_answers_is_rejected_as_fetch_timeout_once_the_time_is_up()
    {
        await using var server = new LocalHttpServer((_, _, token) => Task.Delay(Timeout.Infinite, token));
        using var fetcher = new ContentFetcher(Limit, TimeSpan.FromSeconds(1), Loopback);
        using var backstop = Backstop();

        var (_, rejection) = await fetcher.FetchAsync(server.Url("/a.jpg").AbsoluteUri, backstop.Token);

        Assert.Equal("fetch_timeout", rejection?.Reason);
        Assert.Contains("longer than 1 s", rejection!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelling_the_caller_throws_rather_than_reporting_a_timeout()
    {
        await using var server = new LocalHttpServer((_, _, token) => Task.Delay(Timeout.Infinite, token));
        using var fetcher = new ContentFetcher(Limit, Patient, Loopback);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cancel.CancelAfter(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => fetcher.FetchAsync(server.Url("/a.jpg").AbsoluteUri, cancel.Token));
    }

    [Fact]
    public async Task A_redirect_is_followed_to_the_body()
    {
        await using var server = new LocalHttpServer((request, stream, token) => request.Path == "/old.jpg"
            ? LocalHttpServer.WriteAsync(stream, "HTTP/1.1 302 Found\r\nLocation: /new.jpg\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", token)
            : LocalHttpServer.WriteResponseAsync(stream, "200 OK", Body, token));
        using var fetcher = new ContentFetcher(Limit, Patient, Loopback);

        var (bytes, rejection) = await fetcher.FetchAsync(server.Url("/old.jpg").AbsoluteUri, TestContext.Current.CancellationToken);

        Assert.Null(rejection);
        Assert.Equal(Body, bytes);
        Assert.Equal(["/old.jpg", "/new.jpg"], server.Requests.Select(request => request.Path));
    }

    [Fact]
    public async Task A_redirect_loop_is_rejected_after_five_hops()
    {
        await using var server = new LocalHttpServer((_, stream, token) =>
            LocalHttpServer.WriteAsync(stream, "HTTP/1.1 302 Found\r\nLocation: /again.jpg\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", token));
        using var fetcher = new ContentFetcher(Limit, Patient, Loopback);

        var (bytes, rejection) = await fetcher.FetchAsync(server.Url("/a.jpg").AbsoluteUri, TestContext.Current.CancellationToken);

        Assert.Null(bytes);
        Assert.Equal("redirect_refused", rejection?.Reason);
        Assert.Equal(6, server.Requests.Count);
    }

    [Fact]
    public async Task An_unreachable_server_is_rejected_as_fetch_failed()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Dispose();
        using var fetcher = new ContentFetcher(Limit, Patient, Loopback);

        var (bytes, rejection) = await fetcher.FetchAsync($"http://127.0.0.1:{port}/a.jpg", TestContext.Current.CancellationToken);

        Assert.Null(bytes);
        Assert.Equal("fetch_failed", rejection?.Reason);
    }

    [Fact]
    public async Task A_body_that_ends_before_its_declared_length_is_rejected_as_fetch_failed()
    {
        await using var server = new LocalHttpServer(async (_, stream, token) =>
            await LocalHttpServer.WriteAsync(stream, "HTTP/1.1 200 OK\r\nContent-Length: 5000\r\nConnection: close\r\n\r\n" + new string('x', 100), token));
        using var fetcher = new ContentFetcher(Limit, Patient, Loopback);

        var (bytes, rejection) = await fetcher.FetchAsync(server.Url("/a.jpg").AbsoluteUri, TestContext.Current.CancellationToken);

        Assert.Null(bytes);
        Assert.Equal("fetch_failed", rejection?.Reason);
    }

    [Fact]
    public async Task A_path_the_system_cannot_represent_is_rejected_as_invalid()
    {
        using var fetcher = new ContentFetcher(Limit, Patient, Loopback);

        var (_, rejection) = await fetcher.FetchAsync("/tmp/a\0b.jpg", TestContext.Current.CancellationToken);

        Assert.Equal("invalid_path", rejection?.Reason);
    }

    // A caller's token that ends a minute on, only so a fetcher whose own time limit failed throws here (a caller's
    // cancellation is never reported as fetch_timeout) instead of hanging the run.
    private static CancellationTokenSource Backstop()
    {
        var backstop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        backstop.CancelAfter(TimeSpan.FromMinutes(1));
        return backstop;
    }
}
