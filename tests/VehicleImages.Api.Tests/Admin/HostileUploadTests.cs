using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace VehicleImages.Api.Tests.Admin;

/// <summary>The hostile batch's uploads run alone, so the process's CPU time and memory are theirs to account for.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HostileUploadsAlone
{
    public const string Name = "hostile uploads";
}

/// <summary>
/// Every hostile input the README promises to turn away, uploaded with its manifest through the admin API: each row
/// refused with its own reason, the good photos ingested, and the job bounded in CPU time and memory.
/// </summary>
[Collection(HostileUploadsAlone.Name)]
public sealed class HostileUploadTests(LibraryFixture fixture) : IClassFixture<LibraryFixture>
{
    private const double MaxCpuSeconds = 30;
    private const long MaxMemoryGrowthBytes = 700L * 1024 * 1024;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_hostile_upload_is_refused_row_by_row_with_each_rows_own_reason_within_bounded_cpu_and_memory()
    {
        using var input = new TempDirectory("vi-hostile-upload");
        var inputs = await HostileInputs.WriteAsync(input.Path, withServerPaths: false, Cancel);
        using var form = new MultipartFormDataContent();
        foreach (var file in Directory.GetFiles(input.Path))
        {
            form.Add(new ByteArrayContent(await File.ReadAllBytesAsync(file, Cancel)), "files", Path.GetFileName(file));
        }

        using var client = new HttpClient { BaseAddress = fixture.App.Address };
        client.DefaultRequestHeaders.Add("X-API-Key", fixture.AdminOnlyKey);
        var (cpuBefore, rssBefore) = (ProcessCpuSeconds(), ResidentBytes());
        var peakRss = rssBefore;

        using var started = await client.PostAsync("/v1/admin/ingests", form, Cancel);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var job = await started.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        while (job.GetProperty("state").GetString() is "queued" or "running")
        {
            await Task.Delay(50, Cancel);
            peakRss = Math.Max(peakRss, ResidentBytes());
            job = await client.GetFromJsonAsync<JsonElement>(started.Headers.Location!.OriginalString, Cancel);
        }

        var cpuSeconds = ProcessCpuSeconds() - cpuBefore;
        Assert.Equal("finished", job.GetProperty("state").GetString());
        var summary = job.GetProperty("summary");
        var refused = summary.GetProperty("rejections").EnumerateArray().ToDictionary(r => r.GetProperty("item").GetString()!, r => r.GetProperty("reason").GetString());
        for (var row = 0; row < inputs.Count; row++)
        {
            var item = $"manifest.csv:{row + 2}";
            Assert.True(refused.GetValueOrDefault(item) == inputs[row].ExpectedReason, $"{inputs[row].Name} ({item}): expected {inputs[row].ExpectedReason ?? "ingested"}, got {refused.GetValueOrDefault(item) ?? "ingested"}");
        }

        Assert.Equal(inputs.Count(i => i.ExpectedReason is null), summary.GetProperty("ingested").GetInt32());
        Assert.InRange(cpuSeconds, 0, MaxCpuSeconds);
        Assert.InRange(peakRss - rssBefore, long.MinValue, MaxMemoryGrowthBytes);
    }

    // utime + stime of this process, in clock ticks of 1/100 s (Linux's USER_HZ).
    private static double ProcessCpuSeconds()
    {
        var stat = File.ReadAllText("/proc/self/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
    }

    private static long ResidentBytes()
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }
}
