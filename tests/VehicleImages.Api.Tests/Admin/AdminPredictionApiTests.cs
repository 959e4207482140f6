using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using VehicleImages.Domain.Colours;
using VehicleImages.Domain.Images;
using VehicleImages.Domain.Quality;
using VehicleImages.Domain.Vision;

namespace VehicleImages.Api.Tests.Admin;

/// <summary>
/// What the vision stage saw, as a curator meets it in the admin API: beside the labels with their origins, found
/// by the label_mismatch filter, and accepted field by field through the label edit.
/// </summary>
public sealed class AdminPredictionApiTests(LibraryFixture fixture) : IClassFixture<LibraryFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_image_vision_disagrees_with_shows_its_prediction_beside_its_labels_and_is_found_by_the_label_mismatch_filter()
    {
        var id = await IdOfAsync("make=Jaguar&trim=S&view=front");
        Assert.DoesNotContain(id, await IdsAsync("quality=label_mismatch"));
        await StoredPredictions.GiveAsync(fixture.App, id, StoredPredictions.Exterior(View.RearLeft, GenericColour.Blue, "1F4FA0"), QualityIssues.LabelMismatchView);

        var image = await GetJsonAsync($"/v1/admin/images/{id}");

        var origins = image.GetProperty("origins");
        Assert.Equal(("given", "given", "given", "none"), (Text(origins, "view"), Text(origins, "photoType"), Text(origins, "colour"), Text(origins, "verdict")));
        var prediction = image.GetProperty("prediction");
        Assert.Equal(("exterior", "exterior", true), (Text(prediction, "content"), Text(prediction, "photoType"), prediction.GetProperty("vehiclePhoto").GetBoolean()));
        Assert.Equal(("rear_left", 0.91), (Text(prediction, "view"), prediction.GetProperty("viewScore").GetDouble()));
        Assert.Equal(("Blue", "1F4FA0", 0.83), (Text(prediction, "colour"), Text(prediction, "colourHex"), prediction.GetProperty("colourScore").GetDouble()));
        Assert.Equal(0.94, prediction.GetProperty("contentScores").GetProperty("exterior").GetDouble());
        Assert.Equal("resnet18-test+heads-test", Text(prediction, "models"));
        Assert.Equal(["view", "colour"], prediction.GetProperty("differs").EnumerateArray().Select(f => f.GetString()));
        Assert.Contains("label_mismatch_view", image.GetProperty("quality").GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
        Assert.Contains(id, await IdsAsync("quality=label_mismatch"));
    }

    [Fact]
    public async Task Accepting_a_prediction_makes_it_the_curators_label_takes_the_image_out_of_the_mismatch_filter_and_is_audited()
    {
        var id = await IdOfAsync("make=Jaguar&trim=S&view=rear");
        await StoredPredictions.GiveAsync(
            fixture.App, id, StoredPredictions.Exterior(View.RearRight, GenericColour.Silver, "B8BCC2"), QualityIssues.LabelMismatchView | QualityIssues.LabelMismatchColour);

        var view = await PatchJsonAsync(id, new { accept = "view" });

        Assert.Equal(("rear_right", "curator", "given"), (Text(view, "view"), Text(view.GetProperty("origins"), "view"), Text(view.GetProperty("origins"), "colour")));
        Assert.Equal(["label_mismatch_colour"], view.GetProperty("quality").GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
        Assert.Contains(id, await IdsAsync("quality=label_mismatch"));

        var colour = await PatchJsonAsync(id, new { accept = "colour" });

        Assert.Equal(("Silver", "curator"), (Text(colour, "colour"), Text(colour.GetProperty("origins"), "colour")));
        Assert.Equal(JsonValueKind.Null, colour.GetProperty("colourName").ValueKind);
        Assert.Empty(colour.GetProperty("prediction").GetProperty("differs").EnumerateArray());
        Assert.DoesNotContain(id, await IdsAsync("quality=label_mismatch"));
        Assert.Equal("Silver", Text(await GetJsonAsync($"/v1/admin/images/{id}"), "colour"));
        var entry = (await GetJsonAsync($"/v1/admin/audit?subject=image:{id}")).EnumerateArray().First();
        Assert.Equal(("given", "curator"), (Text(entry.GetProperty("before"), "colourOrigin"), Text(entry.GetProperty("after"), "colourOrigin")));
    }

    [Theory]
    [InlineData("{\"accept\":\"view\"}", "no prediction to accept")]
    [InlineData("{\"accept\":\"shape\"}", "'shape' is not a field to accept")]
    [InlineData("{\"accept\":\"view\",\"view\":\"rear\"}", "not both")]
    public async Task An_accept_with_nothing_to_accept_is_a_400_that_says_why_and_changes_nothing(string body, string expected)
    {
        var id = await IdOfAsync("make=Audi");
        var before = await GetJsonAsync($"/v1/admin/images/{id}");

        using var response = await AdminClient().PatchAsync($"/v1/admin/images/{id}", new StringContent(body, System.Text.Encoding.UTF8, "application/json"), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, Text(await response.Content.ReadFromJsonAsync<JsonElement>(Cancel), "detail"), StringComparison.Ordinal);
        Assert.Equal(Labels(before), Labels(await GetJsonAsync($"/v1/admin/images/{id}")));
    }

    [Fact]
    public async Task Accepting_the_photo_type_of_a_picture_vision_finds_no_vehicle_in_is_a_400()
    {
        var id = await IdOfAsync("make=Ford&model=F-150&trim=XLT");
        var noVehicle = StoredPredictions.Exterior(View.Unknown, GenericColour.Grey, "808080") with { Content = ContentClass.NoVehicle, VehiclePhotoScore = 0.04 };
        await StoredPredictions.GiveAsync(fixture.App, id, noVehicle, QualityIssues.NotVehiclePhoto);

        using var response = await AdminClient().PatchAsJsonAsync($"/v1/admin/images/{id}", new { accept = "photo_type" }, Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("content class is no_vehicle", Text(await response.Content.ReadFromJsonAsync<JsonElement>(Cancel), "detail"), StringComparison.Ordinal);
        Assert.Contains(id, await IdsAsync("quality=not_vehicle_photo"));
    }

    private static string? Text(JsonElement element, string name) => element.GetProperty(name).GetString();

    private static string Labels(JsonElement image) =>
        string.Join('|', "view photoType colour colourName quality origins prediction".Split(' ').Select(name => image.GetProperty(name).GetRawText()));

    private HttpClient AdminClient()
    {
        var client = new HttpClient { BaseAddress = fixture.App.Address };
        client.DefaultRequestHeaders.Add("X-API-Key", fixture.AdminOnlyKey);
        return client;
    }

    private async Task<JsonElement> GetJsonAsync(string path)
    {
        using var client = AdminClient();
        using var response = await client.GetAsync(path, Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
    }

    private async Task<JsonElement> PatchJsonAsync(string id, object change)
    {
        using var client = AdminClient();
        using var response = await client.PatchAsJsonAsync($"/v1/admin/images/{id}", change, Cancel);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.True(response.StatusCode == HttpStatusCode.OK, body.GetRawText());
        return body;
    }

    private async Task<string> IdOfAsync(string query) =>
        Assert.Single((await GetJsonAsync($"/v1/admin/images?{query}")).GetProperty("images").EnumerateArray()).GetProperty("id").GetString()!;

    private async Task<IReadOnlyList<string>> IdsAsync(string query) =>
        [.. (await GetJsonAsync($"/v1/admin/images?{query}&limit=200")).GetProperty("images").EnumerateArray().Select(i => i.GetProperty("id").GetString()!)];
}
