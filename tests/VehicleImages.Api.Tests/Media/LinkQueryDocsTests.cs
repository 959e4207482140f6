using System.Text.Json;

namespace VehicleImages.Api.Tests.Media;

public sealed class LinkQueryDocsTests
{
    [Theory]
    [InlineData("/media/{id}/{variant}")]
    [InlineData("/photos/{source}/{file}")]
    public async Task The_openapi_document_lists_the_query_the_link_endpoints_read_themselves(string path)
    {
        await using var app = await TestApp.StartAsync();

        var json = await app.Client.GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken);
        using var document = JsonDocument.Parse(json);

        var parameters = document.RootElement.GetProperty("paths").GetProperty(path).GetProperty("get").GetProperty("parameters").EnumerateArray()
            .Where(p => p.GetProperty("in").GetString() == "query").Select(p => p.GetProperty("name").GetString());
        Assert.Equal(["exp", "sig", "width"], parameters);
    }
}
