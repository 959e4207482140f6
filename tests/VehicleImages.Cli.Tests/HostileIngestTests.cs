using System.Text.Json;

namespace VehicleImages.Cli.Tests;

/// <summary>
/// Every hostile input the README promises to turn away, each in a manifest of its own through the CLI ingest, run
/// under GNU time: refused with its own reason (or, for the good photos, ingested), and what it cost in CPU time and
/// peak memory bounded, which no load on the machine can change.
/// </summary>
public sealed class HostileIngestTests
{
    // A run is the CLI's start plus one input: a decompression bomb decoded, 20,000 scans decoded, a device read to
    // its end or a fetch that hangs would blow through either bound.
    private const double MaxCpuSeconds = 10;
    private const long MaxPeakKilobytes = 1024 * 1024;

    [Fact]
    public async Task Each_hostile_input_is_refused_with_its_own_reason_within_bounded_cpu_and_memory()
    {
        using var input = new TempDirectory("vi-hostile-input");
        await using var redirect = new RedirectingListener("file:///etc/passwd");
        var inputs = await HostileInputs.WriteAsync(input.Path, withServerPaths: true, redirect.Url("/car.jpg"), TestContext.Current.CancellationToken);

        // The redirecting host is allowed by name, so its redirect is what gets refused, not its address.
        var environment = new Dictionary<string, string> { ["VEHICLE_IMAGES_Ingest__AllowedHosts__0"] = "localhost" };
        var failures = new List<string>();
        foreach (var hostile in inputs)
        {
            using var data = new TempDirectory("vi-hostile-data");
            var manifest = input.Combine($"{hostile.Name}.csv");
            await File.WriteAllTextAsync(manifest, HostileInputs.ManifestFor(hostile), TestContext.Current.CancellationToken);

            var (exitCode, output, cpuSeconds, peakKilobytes) = await CliProcess.RunMeasuredAsync(
                ["ingest", manifest, "--data", data.Path, "--json"], environment);

            TestContext.Current.TestOutputHelper?.WriteLine($"{hostile.Name}: {cpuSeconds:0.00} s CPU, peak {peakKilobytes / 1024} MiB");
            using var summary = JsonDocument.Parse(output);
            var reason = summary.RootElement.GetProperty("rejections").EnumerateArray().Select(r => r.GetProperty("reason").GetString()).SingleOrDefault();
            if (exitCode != 0 || reason != hostile.ExpectedReason || cpuSeconds > MaxCpuSeconds || peakKilobytes > MaxPeakKilobytes)
            {
                failures.Add($"{hostile.Name}: exit {exitCode}, {reason ?? "ingested"} (expected {hostile.ExpectedReason ?? "ingested"}), {cpuSeconds:0.00} s CPU, {peakKilobytes / 1024} MiB");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
