using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using VehicleImages.Testing.Postgres;

namespace VehicleImages.Cli.Tests.ScaleOut;

/// <summary>
/// Two API processes on one PostgreSQL database and one S3 bucket, each with a data folder of its own: each serves
/// what the other (or an ingest) made, they share the rate limits between them, and usage adds up exactly.
/// </summary>
public sealed class TwoProcessTests(PostgresServer postgres, S3Server s3)
{
    private static readonly string[] Photos = ["stanford/00001.jpg", "stanford/00003.jpg", "stanford/00004.jpg", "stanford/00008.jpg", "stanford/00011.jpg"];

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_processes_serve_each_others_work_split_the_rate_limits_and_count_usage_exactly()
    {
        Corpus.Require();
        await using var backends = await SharedBackends.CreateAsync(postgres, s3, Cancel);

        // Started together, so both migrate the empty database at once.
        await using var a = ApiProcess.Start(backends);
        await using var b = ApiProcess.Start(backends);
        await Task.WhenAll(a.WaitReadyAsync(), b.WaitReadyAsync());

        var (created, adminKey, createError) = await backends.RunCliAsync("keys", "create", "--name", "operator", "--admin");
        Assert.True(created == 0, createError);
        adminKey = adminKey.Trim();
        using var input = new TempDirectory("vi-scale-input");
        foreach (var photo in Photos)
        {
            File.Copy(Corpus.File(photo), input.Combine(Path.GetFileName(photo)));
        }

        var (ingested, _, ingestError) = await backends.RunCliAsync("ingest", input.Path, "--make", "Jaguar", "--model", "F-PACE", "--year", "2019");
        Assert.True(ingested == 0, ingestError);

        // A key made through A's admin API works on B at once; B finds the ingest; A serves B's links from the bucket.
        var (openId, openKey) = await CreateKeyAsync(a, adminKey, "app", SharedBackends.OpenPlan);
        var images = await ImagesAsync(b, openKey);
        Assert.Equal(Photos.Length, images.Count);
        foreach (var image in images)
        {
            using var media = await a.Client.GetAsync(PathOf(image.GetProperty("link").GetString()!), Cancel);
            Assert.Equal(HttpStatusCode.OK, media.StatusCode);
            Assert.Equal(image.GetProperty("byteSize").GetInt64(), (await media.Content.ReadAsByteArrayAsync(Cancel)).LongLength);
        }

        // The plan's burst is split between the processes: each admits its half, and no more.
        var (tightId, tightKey) = await CreateKeyAsync(b, adminKey, "tight app", SharedBackends.TightPlan);
        var admittedByA = await CountAdmittedAsync(a, tightKey, SharedBackends.TightBurst);
        var admittedByB = await CountAdmittedAsync(b, tightKey, SharedBackends.TightBurst);
        Assert.Equal((SharedBackends.TightBurst / 2, SharedBackends.TightBurst / 2), (admittedByA, admittedByB));

        // Requests on one key spread over both processes at once add up to exactly what was sent.
        const int Spread = 400;
        var answers = await Task.WhenAll(Enumerable.Range(0, Spread).Select(i =>
            (i % 2 == 0 ? a : b).Client.GetAsync($"/images?key={openKey}&make=jaguar&model=f-pace&validate=false", Cancel)));
        foreach (var answer in answers)
        {
            Assert.True(answer.StatusCode == HttpStatusCode.OK, $"{answer.StatusCode}: {await answer.Content.ReadAsStringAsync(Cancel)}\n{a.Log}\n{b.Log}");
        }

        await Task.WhenAll(a.StopAsync(), b.StopAsync());
        Assert.Equal((Spread + 1, 0), await UsageAsync(backends, openId));
        Assert.Equal((SharedBackends.TightBurst, SharedBackends.TightBurst), await UsageAsync(backends, tightId));
    }

    private static async Task<List<JsonElement>> ImagesAsync(ApiProcess process, string key)
    {
        using var answer = JsonDocument.Parse(await process.Client.GetStringAsync($"/images?key={key}&make=jaguar&model=f-pace&validate=false", Cancel));
        return [.. answer.RootElement.GetProperty("images").EnumerateArray().Select(image => image.Clone())];
    }

    private static async Task<int> CountAdmittedAsync(ApiProcess process, string key, int requests)
    {
        var admitted = 0;
        for (var i = 0; i < requests; i++)
        {
            using var answer = await process.Client.GetAsync($"/images?key={key}&make=jaguar&model=f-pace", Cancel);
            Assert.True(answer.StatusCode is HttpStatusCode.OK or HttpStatusCode.TooManyRequests, $"{answer.StatusCode}");
            admitted += answer.StatusCode == HttpStatusCode.OK ? 1 : 0;
        }

        return admitted;
    }

    private static async Task<(Guid Id, string Secret)> CreateKeyAsync(ApiProcess process, string adminKey, string name, string plan)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/admin/keys") { Content = JsonContent.Create(new { name, plan }) };
        request.Headers.Add("X-API-Key", adminKey);
        using var answer = await process.Client.SendAsync(request, Cancel);
        Assert.Equal(HttpStatusCode.Created, answer.StatusCode);
        using var body = JsonDocument.Parse(await answer.Content.ReadAsStringAsync(Cancel));
        return (body.RootElement.GetProperty("key").GetProperty("id").GetGuid(), body.RootElement.GetProperty("secret").GetString()!);
    }

    private static async Task<(long Chargeable, long NotChargeable)> UsageAsync(SharedBackends backends, Guid key)
    {
        var (exitCode, output, error) = await backends.RunCliAsync("usage", "--key", key.ToString(), "--json");
        Assert.True(exitCode == 0, error);
        using var report = JsonDocument.Parse(output);
        return (report.RootElement.GetProperty("chargeable").GetInt64(), report.RootElement.GetProperty("notChargeable").GetInt64());
    }

    private static string PathOf(string link) => new Uri(link).PathAndQuery;
}
