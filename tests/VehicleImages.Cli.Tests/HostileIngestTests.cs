using System.Text.Json;

namespace VehicleImages.Cli.Tests;

/// <summary>
/// Every hostile input the README promises to turn away, in one manifest through the CLI ingest: each row refused
/// with its own reason, the good photos ingested, and the whole batch bounded in CPU time and memory, which no load
/// on the machine can change.
/// </summary>
public sealed class HostileIngestTests
{
    // The batch decodes two corpus photos and refuses the rest from a header, a sniff or an address; a decompression
    // bomb decoded, a device read to its end or a hang would blow through either bound.
    private const double MaxCpuSeconds = 30;
    private const long MaxPeakKilobytes = 1024 * 1024;

    [Fact]
    public async Task A_hostile_batch_is_refused_row_by_row_with_each_rows_own_reason_within_bounded_cpu_and_memory()
    {
        using var data = new TempDirectory("vi-hostile-data");
        using var input = new TempDirectory("vi-hostile-input");
        var inputs = await HostileInputs.WriteAsync(input.Path, withServerPaths: true, TestContext.Current.CancellationToken);

        var (exitCode, output, cpuSeconds, peakKilobytes) = await CliProcess.RunMeasuredAsync(
            ["ingest", input.Combine("manifest.csv"), "--data", data.Path, "--json"]);

        TestContext.Current.TestOutputHelper?.WriteLine($"hostile batch of {inputs.Count} rows: {cpuSeconds:0.00} s CPU, peak {peakKilobytes / 1024} MiB");
        Assert.Equal(0, exitCode);
        using var summary = JsonDocument.Parse(output);
        var refused = summary.RootElement.GetProperty("rejections").EnumerateArray()
            .ToDictionary(r => r.GetProperty("item").GetString()!, r => r.GetProperty("reason").GetString());
        for (var row = 0; row < inputs.Count; row++)
        {
            var item = $"manifest.csv:{row + 2}";
            Assert.True(refused.GetValueOrDefault(item) == inputs[row].ExpectedReason, $"{inputs[row].Name} ({item}): expected {inputs[row].ExpectedReason ?? "ingested"}, got {refused.GetValueOrDefault(item) ?? "ingested"}");
        }

        Assert.Equal(inputs.Count(i => i.ExpectedReason is null), summary.RootElement.GetProperty("ingested").GetInt32());
        Assert.InRange(cpuSeconds, 0, MaxCpuSeconds);
        Assert.InRange(peakKilobytes, 0, MaxPeakKilobytes);
    }
}
