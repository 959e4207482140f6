using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using VehicleImages.Api.Tests.Media;
using VehicleImages.Application.Ingest;
using VehicleImages.Application.Ingest.Sources;
using VehicleImages.Domain.Keys;
using VehicleImages.Imaging;
using VehicleImages.Storage.Keys;

namespace VehicleImages.Api.Tests.AutoDev;

/// <summary>A stored auto.dev photo URL outlives a restart with the signing keys rotated, for the grace period and no longer.</summary>
public sealed class PhotoLinkRotationTests
{
    private const string Vin = LibraryFixture.FordVin;
    private static readonly TimeSpan Grace = TimeSpan.FromDays(30);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_permanent_photo_link_is_served_after_a_key_rotation_within_the_grace_period_and_refused_after_it()
    {
        using var data = new TempDirectory("vi-rotation");
        var (oldKey, newKey) = (NewKey(), NewKey());
        string link, apiKey;
        await using (var before = await TestApp.StartAsync(new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = data.Path,
            ["Media:SigningKeys:0"] = oldKey,
        }))
        {
            await IngestOnePhotoAsync(before);
            apiKey = await CreateKeyAsync(before);
            link = await PhotoLinkAsync(before, apiKey);
            Assert.Equal(HttpStatusCode.OK, (await before.Client.GetAsync(link, Cancel)).StatusCode);
        }

        var retiredAt = DateTimeOffset.UtcNow;
        var clock = new ManualClock(retiredAt);
        await using var after = await TestApp.StartAsync(
            new Dictionary<string, string?>
            {
                ["Storage:DataDirectory"] = data.Path,
                ["Media:SigningKeys:0"] = newKey,
                ["Media:RetiredSigningKeys:0:Key"] = oldKey,
                ["Media:RetiredSigningKeys:0:RetiredAt"] = retiredAt.ToString("O", CultureInfo.InvariantCulture),
                ["Media:PermanentLinkGracePeriod"] = Grace.ToString("c", CultureInfo.InvariantCulture),
            },
            replace: services => services.AddSingleton<TimeProvider>(clock));
        var fresh = await PhotoLinkAsync(after, apiKey);

        var justAfter = await after.Client.GetAsync(link, Cancel);
        clock.Advance(Grace);
        var atTheEnd = await after.Client.GetAsync(link, Cancel);
        clock.Advance(TimeSpan.FromSeconds(1));
        var pastIt = await after.Client.GetAsync(link, Cancel);
        var freshPastIt = await after.Client.GetAsync(fresh, Cancel);

        Assert.NotEqual(link, fresh);
        Assert.Equal(link[..link.IndexOf('?', StringComparison.Ordinal)], fresh[..fresh.IndexOf('?', StringComparison.Ordinal)]);
        Assert.Equal(HttpStatusCode.OK, justAfter.StatusCode);
        Assert.Equal(HttpStatusCode.OK, atTheEnd.StatusCode);
        await LinkSpellings.AssertAutoDevErrorAsync(pastIt, HttpStatusCode.Forbidden, "FORBIDDEN");
        Assert.Equal(HttpStatusCode.OK, freshPastIt.StatusCode);
    }

    private static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private static async Task IngestOnePhotoAsync(TestApp app)
    {
        var folder = Path.Combine(app.DataDirectory, "photos");
        Directory.CreateDirectory(folder);
        await File.WriteAllBytesAsync(Path.Combine(folder, "truck.jpg"), TestPictures.Make(app.Service<ImageProcessor>(), 7, 1000, 750), Cancel);
        var manifest = Path.Combine(folder, "manifest.csv");
        await File.WriteAllTextAsync(manifest, $"file,make,model,year,view,vin,source,sequence\ntruck.jpg,Ford,F-150,2023,front_left,{Vin},retail,1\n", Cancel);
        var summary = await app.Service<IngestPipeline>().RunAsync(IngestSources.Expand([manifest]).ToList(), new IngestOptions(), null, Cancel);
        Assert.Equal(1, summary.Ingested);
    }

    private static async Task<string> CreateKeyAsync(TestApp app)
    {
        var (key, secret) = KeySecrets.Create("rotation", KeyScopes.Api, "default", DateTimeOffset.UtcNow);
        await app.Service<IApiKeyStore>().AddAsync(key, Cancel);
        return secret;
    }

    private static async Task<string> PhotoLinkAsync(TestApp app, string apiKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/photos/{Vin}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        var response = await app.Client.SendAsync(request, Cancel);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
        return new Uri(body.RootElement.GetProperty("data").GetProperty("retail").EnumerateArray().Single().GetString()!).PathAndQuery;
    }
}
