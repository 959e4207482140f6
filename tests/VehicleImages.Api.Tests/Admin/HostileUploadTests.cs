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
/// Every hostile input the README promises to turn away, each uploaded on its own with a one-row manifest through
/// the admin API: refused with its own reason (or, for the good photos, ingested), and the job's CPU time and
/// memory bounded.
/// </summary>
[Collection(HostileUploadsAlone.Name)]
public sealed class HostileUploadTests(HostileUploadTests.AllowingLocalhost fixture) : IClassFixture<HostileUploadTests.AllowingLocalhost>
{
    private const double MaxCpuSeconds = 10;
    private const long MaxMemoryGrowthBytes = 700L * 1024 * 1024;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>The library with "localhost" allowed, so a redirect from it is what gets refused, not its address.</summary>
    public sealed class AllowingLocalhost : LibraryFixture
    {
        protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?> { ["Ingest:AllowedHosts:0"] = "localhost" };
    }

    [Fact]
    public async Task Each_hostile_upload_is_refused_with_its_own_reason_within_bounded_cpu_and_memory()
    {
        using var input = new TempDirectory("vi-hostile-upload");
        await using var redirect = new RedirectingListener("file:///etc/passwd");
        var inputs = await HostileInputs.WriteAsync(input.Path, withServerPaths: false, redirect.Url("/car.jpg"), Cancel);
        using var client = new HttpClient { BaseAddress = fixture.App.Address };
        client.DefaultRequestHeaders.Add("X-API-Key", fixture.AdminOnlyKey);
        var failures = new List<string>();
        foreach (var hostile in inputs)
        {
            using var form = new MultipartFormDataContent { { new StringContent(HostileInputs.ManifestFor(hostile)), "files", "manifest.csv" } };
            if (File.Exists(input.Combine(hostile.Location)))
            {
                form.Add(new ByteArrayContent(await File.ReadAllBytesAsync(input.Combine(hostile.Location), Cancel)), "files", hostile.Location);
            }

            var (summary, cpuSeconds, memoryGrowth) = await IngestAsync(client, form);
            var reason = summary.GetProperty("rejections").EnumerateArray().Select(r => r.GetProperty("reason").GetString()).SingleOrDefault();
            if (reason != hostile.ExpectedReason || cpuSeconds > MaxCpuSeconds || memoryGrowth > MaxMemoryGrowthBytes)
            {
                failures.Add($"{hostile.Name}: {reason ?? "ingested"} (expected {hostile.ExpectedReason ?? "ingested"}), {cpuSeconds:0.00} s CPU, +{memoryGrowth / 1048576} MiB");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    // Runs one upload's job to its end: its summary, the process's CPU seconds meanwhile, and how far its resident
    // memory rose above where it started (sampled while the job ran).
    private static async Task<(JsonElement Summary, double CpuSeconds, long MemoryGrowth)> IngestAsync(HttpClient client, MultipartFormDataContent form)
    {
        var (cpuBefore, rssBefore) = (ProcessCpuSeconds(), ResidentBytes());
        var peakRss = rssBefore;
        using var started = await client.PostAsync("/v1/admin/ingests", form, Cancel);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var job = await started.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        while (job.GetProperty("state").GetString() is "queued" or "running")
        {
            await Task.Delay(20, Cancel);
            peakRss = Math.Max(peakRss, ResidentBytes());
            job = await client.GetFromJsonAsync<JsonElement>(started.Headers.Location!.OriginalString, Cancel);
        }

        Assert.Equal("finished", job.GetProperty("state").GetString());
        return (job.GetProperty("summary"), ProcessCpuSeconds() - cpuBefore, peakRss - rssBefore);
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
