using System.Net;
using System.Net.Sockets;

namespace VehicleImages.Cli.Tests;

/// <summary>A Storage:Catalog that cannot be used stops a command at once with one line saying why, never a stack trace.</summary>
public sealed class PostgresSettingTests
{
    [Fact]
    public async Task An_unreachable_postgres_is_named_without_its_password()
    {
        using var data = new TempDirectory("vi-cli");
        var port = ClosedPort();

        var (exitCode, _, error) = await CliProcess.RunAsync(
            ["ingest", data.Path, "--data", data.Path],
            new Dictionary<string, string> { ["VEHICLE_IMAGES_Storage__Catalog"] = $"postgres://app:hunter2@127.0.0.1:{port}/images" });

        Assert.Equal(3, exitCode);
        Assert.Contains($"PostgreSQL at 127.0.0.1:{port}/images is unavailable", error, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_catalog_setting_that_is_not_postgres_says_what_it_takes()
    {
        using var data = new TempDirectory("vi-cli");

        var (exitCode, _, error) = await CliProcess.RunAsync(
            ["ingest", data.Path, "--data", data.Path],
            new Dictionary<string, string> { ["VEHICLE_IMAGES_Storage__Catalog"] = "/srv/catalog.db" });

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Storage:Catalog must be a postgres:// URL", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
