using System.Net;
using System.Net.Sockets;

namespace VehicleImages.Cli.Tests.ScaleOut;

/// <summary>One `vehicle-images serve` process on a free port, and a client for it.</summary>
internal sealed class ApiProcess : IAsyncDisposable
{
    private readonly CliProcess _process;

    private ApiProcess(CliProcess process, Uri address)
    {
        _process = process;
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
    }

    public HttpClient Client { get; }

    public string Log => $"{_process.StandardOutput}\n{_process.StandardError}";

    public static ApiProcess Start(SharedBackends backends)
    {
        var port = FreePort();
        var process = CliProcess.Start(
            ["serve", "--urls", $"http://127.0.0.1:{port}", "--no-demo", "--no-vin-setup", "--data", backends.NewDataFolder()],
            backends.Environment.ToDictionary());
        return new ApiProcess(process, new Uri($"http://127.0.0.1:{port}"));
    }

    /// <summary>Waits until /readyz says ready: migrated, the database and the bucket reachable.</summary>
    public async Task WaitReadyAsync()
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline && !_process.HasExited)
        {
            try
            {
                using var ready = await Client.GetAsync("/readyz");
                if (ready.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"The API process never became ready. Log:\n{Log}");
    }

    /// <summary>A clean stop (SIGTERM): the process flushes its usage counts on the way out.</summary>
    public async Task StopAsync() => Assert.Equal(0, await _process.StopAsync(TimeSpan.FromSeconds(60)));

    public ValueTask DisposeAsync()
    {
        Client.Dispose();
        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
