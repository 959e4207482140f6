using System.Net;
using System.Text.Json;

namespace VehicleImages.Api.Tests.Health;

public sealed class HealthEndpointsTests
{
    [Fact]
    public async Task Healthz_answers_ok()
    {
        await using var app = await TestApp.StartAsync();

        var response = await app.Client.GetAsync("/healthz", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Readyz_reports_libvips_catalog_and_blob_store_ready()
    {
        await using var app = await TestApp.StartAsync();

        var response = await app.Client.GetAsync("/readyz", TestContext.Current.CancellationToken);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ready", body.RootElement.GetProperty("status").GetString());
        foreach (var check in new[] { "libvips", "catalog", "blobs" })
        {
            Assert.True(body.RootElement.GetProperty("checks").GetProperty(check).GetProperty("ok").GetBoolean(), check);
        }
    }

    [Fact]
    public async Task Readyz_turns_red_with_the_reason_when_the_blob_store_is_gone()
    {
        await using var app = await TestApp.StartAsync();
        Directory.Delete(Path.Combine(app.DataDirectory, "blobs"), recursive: true);

        var response = await app.Client.GetAsync("/readyz", TestContext.Current.CancellationToken);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.False(body.RootElement.GetProperty("checks").GetProperty("blobs").GetProperty("ok").GetBoolean());
        Assert.True(body.RootElement.GetProperty("checks").GetProperty("catalog").GetProperty("ok").GetBoolean());
    }
}
