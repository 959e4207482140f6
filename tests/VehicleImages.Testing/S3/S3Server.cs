using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Xunit;

namespace VehicleImages.Testing;

/// <summary>
/// One real S3 server for the whole test run: Ceph's RADOS Gateway on loopback, started by scripts/ceph-rgw in a temp
/// folder on free ports, with credentials made up for the run. Register it as an assembly fixture; it starts on first
/// use (so test runs without S3 tests pay nothing) and stops when the run ends. If the run is killed, the script's
/// watchdog stops it, and the next run sweeps any folder left behind.
/// </summary>
public sealed class S3Server : IAsyncLifetime
{
    private const int PortTaken = 3;
    private const int PackagesMissing = 4;
    private static readonly TimeSpan StartDeadline = TimeSpan.FromMinutes(2);

    private readonly Lazy<Task<S3Endpoint>> _started;
    private string? _directory;

    public S3Server() => _started = new(StartAsync);

    /// <summary>Holds one folder per running server, named after the test process that owns it.</summary>
    public static string RunsDirectory => Path.Combine(Path.GetTempPath(), "vehicle-images-s3");

    private static string Script => Path.Combine(RepositoryRoot.Path, "scripts", "ceph-rgw");

    /// <summary>The running server, started on the first call.</summary>
    public Task<S3Endpoint> GetAsync() => _started.Value;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_directory is not null)
        {
            await RunScriptAsync(["stop", _directory]);
        }
    }

    private async Task<S3Endpoint> StartAsync()
    {
        await SweepAbandonedRunsAsync();
        var accessKey = "VI" + RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 18);
        var secretKey = RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyz0123456789", 40);

        // Free ports are found by asking the kernel, then handed to the script; another process may take one in
        // between, which the script reports, and a new pair is tried.
        for (var attempt = 1; ; attempt++)
        {
            var directory = Path.Combine(RunsDirectory, $"{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}");
            var (port, monitorPort) = TwoFreePorts();
            var (exitCode, errors) = await RunScriptAsync(
            [
                "start", directory, "--port", $"{port}", "--mon-port", $"{monitorPort}",
                "--access-key", accessKey, "--secret-key", secretKey, "--owner", $"{Environment.ProcessId}",
            ]);
            if (exitCode == 0)
            {
                _directory = directory;
                return new S3Endpoint(port, accessKey, secretKey, "us-east-1");
            }

            if (exitCode == PackagesMissing)
            {
                // The script names what is missing and the fix: run scripts/setup --test.
                throw new InvalidOperationException($"The S3 tests need Ceph's RADOS Gateway, which is not installed. {errors.Trim()}");
            }

            if (exitCode != PortTaken || attempt == 3)
            {
                throw new InvalidOperationException($"scripts/ceph-rgw could not start the S3 server (exit code {exitCode}):\n{errors}");
            }
        }
    }

    // A folder whose owning test process is gone was left by a run that was killed along with its watchdog
    // (or by a machine that stopped): its daemons, if any still live, are stopped and the folder deleted.
    private static async Task SweepAbandonedRunsAsync()
    {
        if (!Directory.Exists(RunsDirectory))
        {
            return;
        }

        foreach (var run in new DirectoryInfo(RunsDirectory).EnumerateDirectories())
        {
            var owner = run.Name.Split('-')[0];
            if (!Directory.Exists($"/proc/{owner}"))
            {
                await RunScriptAsync(["stop", run.FullName]);
            }
        }
    }

    // Both listeners are held until both ports are known, so the kernel cannot hand out the same port twice.
    private static (int, int) TwoFreePorts()
    {
        using var first = new TcpListener(IPAddress.Loopback, 0);
        using var second = new TcpListener(IPAddress.Loopback, 0);
        first.Start();
        second.Start();
        return (((IPEndPoint)first.LocalEndpoint).Port, ((IPEndPoint)second.LocalEndpoint).Port);
    }

    private static async Task<(int ExitCode, string Errors)> RunScriptAsync(IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(Script) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not run {Script}.");
        using var deadline = new CancellationTokenSource(StartDeadline);
        var output = process.StandardOutput.ReadToEndAsync(deadline.Token);
        var errors = process.StandardError.ReadToEndAsync(deadline.Token);
        await process.WaitForExitAsync(deadline.Token);
        await output;
        return (process.ExitCode, await errors);
    }
}

/// <summary>A running S3 server: where it listens and the credentials of its one user.</summary>
public sealed record S3Endpoint(int Port, string AccessKey, string SecretKey, string Region)
{
    /// <summary>For path-style addressing: http://127.0.0.1:PORT/BUCKET/KEY.</summary>
    public Uri PathStyleUrl => new($"http://127.0.0.1:{Port}");

    /// <summary>For virtual-host addressing: http://BUCKET.localhost:PORT/KEY (the server knows "localhost" as its name).</summary>
    public Uri VirtualHostUrl => new($"http://localhost:{Port}");
}
