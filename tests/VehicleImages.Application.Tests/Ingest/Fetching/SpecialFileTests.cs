using System.Diagnostics;
using VehicleImages.Application.Ingest.Fetching;

namespace VehicleImages.Application.Tests.Ingest.Fetching;

/// <summary>
/// A manifest row naming a device, a pipe or a socket is refused without reading it: <c>/dev/zero</c> never ends
/// and a pipe never opens until someone writes to it. Regular files are read up to the byte limit, not past it.
/// </summary>
public sealed class SpecialFileTests : IDisposable
{
    private readonly TempDirectory _folder = new("vi-special");

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("/dev/zero", false)]
    [InlineData("/dev/urandom", false)]
    [InlineData("/dev/null", false)]
    [InlineData("/dev/zero", true)]
    public async Task A_device_or_a_link_to_one_is_refused_as_not_a_file(string device, bool throughLink)
    {
        var path = device;
        if (throughLink)
        {
            path = Path.Combine(_folder.Path, "car.jpg");
            File.CreateSymbolicLink(path, device);
        }

        using var fetcher = new ContentFetcher(1_000_000, TimeSpan.FromSeconds(10), FetchAddressPolicy.PublicOnly);

        var (bytes, rejection) = await fetcher.FetchAsync(path, Cancel);

        Assert.Null(bytes);
        Assert.Equal("not_a_file", rejection?.Reason);
    }

    [Fact]
    public async Task A_named_pipe_is_refused_without_waiting_for_a_writer()
    {
        var pipe = Path.Combine(_folder.Path, "car.jpg");
        using (var mkfifo = Process.Start("mkfifo", [pipe]))
        {
            await mkfifo.WaitForExitAsync(Cancel);
            Assert.Equal(0, mkfifo.ExitCode);
        }

        using var fetcher = new ContentFetcher(1_000_000, TimeSpan.FromSeconds(10), FetchAddressPolicy.PublicOnly);

        var (bytes, rejection) = await fetcher.FetchAsync(pipe, Cancel);

        Assert.Null(bytes);
        Assert.Equal("not_a_file", rejection?.Reason);
    }

    [Fact]
    public async Task A_regular_file_over_the_limit_is_refused_and_one_at_the_limit_is_read_whole()
    {
        var over = Path.Combine(_folder.Path, "over.jpg");
        var at = Path.Combine(_folder.Path, "at.jpg");
        await File.WriteAllBytesAsync(over, new byte[4097], Cancel);
        await File.WriteAllBytesAsync(at, new byte[4096], Cancel);
        using var fetcher = new ContentFetcher(4096, TimeSpan.FromSeconds(10), FetchAddressPolicy.PublicOnly);

        Assert.Equal("too_many_bytes", (await fetcher.FetchAsync(over, Cancel)).Rejection?.Reason);
        Assert.Equal(4096, (await fetcher.FetchAsync(at, Cancel)).Bytes?.Length);
    }
}
