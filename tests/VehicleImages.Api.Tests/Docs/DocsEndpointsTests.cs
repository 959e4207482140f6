using System.Net;
using System.Text.Json;

namespace VehicleImages.Api.Tests.Docs;

public sealed class DocsEndpointsTests
{
    [Fact]
    public async Task The_openapi_document_describes_the_images_and_media_endpoints()
    {
        await using var app = await TestApp.StartAsync();

        var response = await app.Client.GetAsync("/openapi/v1.json", TestContext.Current.CancellationToken);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var paths = document.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/images", paths);
        Assert.Contains("/media/{id}/{variant}", paths);
        Assert.Equal("Vehicle Images", document.RootElement.GetProperty("info").GetProperty("title").GetString());
    }

    [Fact]
    public async Task Interactive_docs_are_served_locally_without_external_assets()
    {
        await using var app = await TestApp.StartAsync();

        var page = await app.Client.GetStringAsync("/docs/index.html", TestContext.Current.CancellationToken);
        var script = await app.Client.GetAsync("/docs/swagger-ui-bundle.js", TestContext.Current.CancellationToken);

        Assert.Contains("swagger-ui", page, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", page.Replace("https://swagger.io", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
    }
}
