using VehicleImages.Application.Ingest.Fetching;

namespace VehicleImages.Application.Tests.Ingest.Fetching;

/// <summary>
/// A manifest URL cannot make the server reach itself or its network: every spelling of a loopback or unspecified
/// address, and every redirect to one or to another scheme, is refused before a connection is made, unless the
/// operator's allow-list names the host.
/// </summary>
public sealed class ServerSideRequestForgeryTests : IAsyncDisposable
{
    private static readonly TimeSpan Patient = TimeSpan.FromSeconds(10);
    private static readonly byte[] Picture = [0xFF, 0xD8, 0xFF, 0xD9];

    private readonly LocalHttpServer _target = new((_, stream, token) => LocalHttpServer.WriteResponseAsync(stream, "200 OK", Picture, token));

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private int Port => _target.Url("/").Port;

    public ValueTask DisposeAsync() => _target.DisposeAsync();

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("localhost")]
    [InlineData("LocalHost")]
    [InlineData("2130706433")]
    [InlineData("0177.0.0.1")]
    [InlineData("0x7f.0.0.1")]
    [InlineData("0x7f000001")]
    [InlineData("127.1")]
    [InlineData("0.0.0.0")]
    [InlineData("0")]
    [InlineData("[::1]")]
    [InlineData("[::]")]
    [InlineData("[::ffff:127.0.0.1]")]
    [InlineData("[::ffff:7f00:1]")]
    [InlineData("[0:0:0:0:0:ffff:7f00:0001]")]
    public async Task Every_spelling_of_this_machine_is_refused_before_connecting(string host)
    {
        using var fetcher = new ContentFetcher(1_000_000, Patient, FetchAddressPolicy.PublicOnly);

        var (bytes, rejection) = await fetcher.FetchAsync($"http://{host}:{Port}/car.jpg", Cancel);

        Assert.Null(bytes);
        Assert.Equal("address_refused", rejection?.Reason);
        Assert.Empty(_target.Requests);
    }

    [Theory]
    [InlineData("http://127.0.0.1:{port}/car.jpg")]
    [InlineData("http://2130706433:{port}/car.jpg")]
    [InlineData("http://[::ffff:127.0.0.1]:{port}/car.jpg")]
    [InlineData("//127.0.0.1:{port}/car.jpg")]
    public async Task A_redirect_from_an_allowed_host_to_a_refused_address_is_refused(string location)
    {
        await using var allowed = Redirecting(location.Replace("{port}", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        using var fetcher = new ContentFetcher(1_000_000, Patient, new FetchAddressPolicy(["localhost"]));

        var (bytes, rejection) = await fetcher.FetchAsync($"http://localhost:{allowed.Url("/").Port}/start.jpg", Cancel);

        Assert.Null(bytes);
        Assert.Equal("address_refused", rejection?.Reason);
        Assert.Single(allowed.Requests);
        Assert.Empty(_target.Requests);
    }

    [Theory]
    [InlineData("file:///etc/passwd", "file")]
    [InlineData("ftp://127.0.0.1/car.jpg", "ftp")]
    [InlineData("gopher://127.0.0.1:70/_x", "gopher")]
    [InlineData("data:image/jpeg;base64,/9j/2Q==", "data")]
    public async Task A_redirect_to_another_scheme_is_a_rejection_with_its_reason_not_an_exception(string location, string scheme)
    {
        await using var allowed = Redirecting(location);
        using var fetcher = new ContentFetcher(1_000_000, Patient, new FetchAddressPolicy(["localhost"]));

        var (bytes, rejection) = await fetcher.FetchAsync($"http://localhost:{allowed.Url("/").Port}/start.jpg", Cancel);

        Assert.Null(bytes);
        Assert.Equal("redirect_refused", rejection?.Reason);
        Assert.Contains(scheme + ":", rejection!.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("127.0.0.1")]
    [InlineData("127.0.0.0/8")]
    public async Task The_allow_list_lets_a_named_host_or_network_through(string allowed)
    {
        using var fetcher = new ContentFetcher(1_000_000, Patient, new FetchAddressPolicy([allowed]));
        var host = allowed == "localhost" ? "localhost" : "127.0.0.1";

        var (bytes, rejection) = await fetcher.FetchAsync($"http://{host}:{Port}/car.jpg", Cancel);

        Assert.Null(rejection);
        Assert.Equal(Picture, bytes);
    }

    private static LocalHttpServer Redirecting(string location) =>
        new((_, stream, token) => LocalHttpServer.WriteAsync(stream, $"HTTP/1.1 302 Found\r\nLocation: {location}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", token));
}
