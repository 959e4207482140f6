using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using VehicleImages.Imaging;

namespace VehicleImages.Api.Tests.Admin;

/// <summary>
/// Curating through the admin API the UI is built on: relabel, judge and delete (seen by the image APIs on the next
/// request, and audited), a session's anti-forgery check, uploads ingested in the background, bad edits as 400s.
/// </summary>
public sealed class AdminCurationApiTests(LibraryFixture fixture) : IClassFixture<LibraryFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_relabel_through_a_session_needs_its_anti_forgery_token_shows_in_the_images_api_at_once_and_is_audited()
    {
        var id = await IdOfAsync("make=Audi&model=TT");
        using var browser = new HttpClient(new SocketsHttpHandler { UseCookies = false }) { BaseAddress = fixture.App.Address };
        using var signIn = await browser.PostAsJsonAsync("/v1/admin/session", new { key = fixture.AdminOnlyKey }, Cancel);
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single().Split(';')[0];
        var csrf = (await signIn.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("csrfToken").GetString()!;
        Assert.DoesNotContain(id, await CarsXeIdsAsync("make=Audi&model=TT&angle=rear"));

        using var forged = await browser.SendAsync(Patch(id, new { view = "rear" }, cookie, csrf: null), Cancel);
        using var otherSite = await browser.SendAsync(Patch(id, new { view = "rear" }, cookie, csrf, origin: "https://elsewhere.example"), Cancel);
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, otherSite.StatusCode);
        Assert.DoesNotContain(id, await CarsXeIdsAsync("make=Audi&model=TT&angle=rear"));

        using var edited = await browser.SendAsync(Patch(id, new { view = "rear" }, cookie, csrf, origin: fixture.App.Address.GetLeftPart(UriPartial.Authority)), Cancel);
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Equal("rear", (await edited.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("view").GetString());
        Assert.Contains(id, await CarsXeIdsAsync("make=Audi&model=TT&angle=rear"));

        var entry = (await GetJsonAsync($"/v1/admin/audit?subject=image:{id}")).EnumerateArray().First();
        Assert.Equal("image.relabel", entry.GetProperty("action").GetString());
        Assert.Equal("admin only", entry.GetProperty("actor").GetProperty("name").GetString());
        Assert.Equal(("front_right", "rear"), (entry.GetProperty("before").GetProperty("view").GetString(), entry.GetProperty("after").GetProperty("view").GetString()));
        Assert.True(DateTimeOffset.UtcNow - entry.GetProperty("at").GetDateTimeOffset() < TimeSpan.FromMinutes(5));
    }

    [Fact]
    public async Task An_image_marked_bad_leaves_the_images_api_and_one_marked_good_comes_back()
    {
        var id = await IdOfAsync("make=Ford&model=F-150&trim=XLT");
        const string Query = "make=Ford&model=F-150&trim=XLT";
        Assert.Contains(id, await CarsXeIdsAsync(Query));

        Assert.Equal(HttpStatusCode.OK, (await PatchAsync(id, new { verdict = "bad" })).StatusCode);
        Assert.DoesNotContain(id, await CarsXeIdsAsync(Query));
        Assert.Equal(1, (await GetJsonAsync("/v1/admin/images?quality=marked_bad")).GetProperty("total").GetInt32());

        Assert.Equal(HttpStatusCode.OK, (await PatchAsync(id, new { verdict = "good" })).StatusCode);
        Assert.Contains(id, await CarsXeIdsAsync(Query));
    }

    [Fact]
    public async Task A_deleted_image_is_gone_from_the_admin_and_images_apis_and_its_links_and_the_audit_log_keeps_it()
    {
        var id = await IdOfAsync("make=Jaguar&trim=Prestige&colour=Red");
        var original = (await GetJsonAsync($"/v1/admin/images/{id}")).GetProperty("original").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await fixture.App.Client.GetAsync(original, Cancel)).StatusCode);

        using var deleted = await AdminClient().DeleteAsync($"/v1/admin/images/{id}", Cancel);

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await AdminClient().GetAsync($"/v1/admin/images/{id}", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await AdminClient().DeleteAsync($"/v1/admin/images/{id}", Cancel)).StatusCode);
        Assert.DoesNotContain(id, await CarsXeIdsAsync("make=Jaguar&model=F-PACE&trim=Prestige"));
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.App.Client.GetAsync(original, Cancel)).StatusCode);
        var entry = (await GetJsonAsync($"/v1/admin/audit?subject=image:{id}")).EnumerateArray().First();
        Assert.Equal("image.delete", entry.GetProperty("action").GetString());
        Assert.Equal("Prestige", entry.GetProperty("before").GetProperty("trim").GetString());
    }

    [Theory]
    [InlineData("{\"view\":\"sideways\"}", HttpStatusCode.BadRequest)]
    [InlineData("{}", HttpStatusCode.BadRequest)]
    [InlineData("not json", HttpStatusCode.BadRequest)]
    [InlineData("{\"verdict\":\"maybe\"}", HttpStatusCode.BadRequest)]
    public async Task A_bad_edit_is_a_400_and_changes_nothing(string body, HttpStatusCode expected)
    {
        var id = await IdOfAsync("make=Jaguar&view=front&model=F-PACE");
        var before = await GetJsonAsync($"/v1/admin/images/{id}");

        using var request = new HttpRequestMessage(HttpMethod.Patch, $"/v1/admin/images/{id}") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        using var response = await AdminClient().SendAsync(request, Cancel);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Labels(before), Labels(await GetJsonAsync($"/v1/admin/images/{id}")));
    }

    [Fact]
    public async Task An_uploaded_manifest_and_its_photos_are_ingested_in_the_background_with_a_summary()
    {
        var imaging = fixture.App.Service<ImageProcessor>();
        using var form = new MultipartFormDataContent
        {
            { new StringContent("file,make,model,year,view\nxc40-front.jpg,Volvo,XC40,2022,front\nmissing.jpg,Volvo,XC40,2022,rear\nxc40-side.jpg,,XC40,2022,left\n"), "files", "manifest.csv" },
            { new ByteArrayContent(TestPictures.Make(imaging, 9001)) { Headers = { ContentType = new MediaTypeHeaderValue("image/jpeg") } }, "files", "xc40-front.jpg" },
            { new ByteArrayContent(TestPictures.Make(imaging, 9002)) { Headers = { ContentType = new MediaTypeHeaderValue("image/jpeg") } }, "files", "xc40-side.jpg" },
            { new StringContent("Volvo"), "make" },
        };

        using var started = await AdminClient().PostAsync("/v1/admin/ingests", form, Cancel);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var job = await started.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        while (job.GetProperty("state").GetString() is "queued" or "running")
        {
            await Task.Delay(100, Cancel);
            job = await GetJsonAsync(started.Headers.Location!.OriginalString);
        }

        Assert.Equal("finished", job.GetProperty("state").GetString());
        var summary = job.GetProperty("summary");
        Assert.Equal((3, 2, 1), (summary.GetProperty("items").GetInt32(), summary.GetProperty("ingested").GetInt32(), summary.GetProperty("rejected").GetInt32()));
        Assert.Equal("manifest.csv:3", Assert.Single(summary.GetProperty("rejections").EnumerateArray()).GetProperty("item").GetString());
        Assert.Equal(2, (await GetJsonAsync("/v1/admin/images?make=Volvo&model=XC40")).GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.OK, (await fixture.App.Client.GetAsync($"/images?key={fixture.Key}&make=Volvo&model=XC40", Cancel)).StatusCode);
    }

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

    private async Task<string> IdOfAsync(string query) =>
        Assert.Single((await GetJsonAsync($"/v1/admin/images?{query}")).GetProperty("images").EnumerateArray()).GetProperty("id").GetString()!;

    private async Task<HttpResponseMessage> PatchAsync(string id, object change)
    {
        using var client = AdminClient();
        return await client.PatchAsJsonAsync($"/v1/admin/images/{id}", change, Cancel);
    }

    private static HttpRequestMessage Patch(string id, object change, string cookie, string? csrf, string? origin = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Patch, $"/v1/admin/images/{id}") { Content = JsonContent.Create(change) };
        request.Headers.Add("Cookie", cookie);
        if (csrf is not null)
        {
            request.Headers.Add("X-CSRF-Token", csrf);
        }

        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        return request;
    }

    // The image IDs /images answers with (the fourth segment of each link).
    private async Task<IReadOnlyList<string>> CarsXeIdsAsync(string query)
    {
        using var response = await fixture.App.Client.GetAsync($"/images?key={fixture.Key}&{query}", Cancel);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        return body.TryGetProperty("images", out var images) ? [.. images.EnumerateArray().Select(i => i.GetProperty("link").GetString()!.Split('/')[4])] : [];
    }

    private static string Labels(JsonElement image) =>
        string.Join('|', "view colour colourName licence quality configuration".Split(' ').Select(name => image.GetProperty(name).GetRawText()));
}
