using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using VehicleImages.Domain.Keys;

namespace VehicleImages.Api.Tests.Access;

/// <summary>The admin API for keys: admin scope only; create, list, show, change plan, rotate, revoke; usage of all keys.</summary>
public sealed class KeyAdminTests(AccessFixture fixture) : IClassFixture<AccessFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Only_an_admin_key_may_use_the_admin_api()
    {
        var (_, apiOnly) = await fixture.CreateKeyAsync();

        var refused = await SendAsync(HttpMethod.Get, "/v1/admin/keys", apiOnly);
        var anonymous = await SendAsync(HttpMethod.Get, "/v1/admin/keys", null);

        Assert.Contains("admin scope", await FamilyCalls.AssertRefusalAsync(ApiFamily.Native, refused, 403), StringComparison.Ordinal);
        await FamilyCalls.AssertRefusalAsync(ApiFamily.Native, anonymous, 401);
    }

    [Fact]
    public async Task A_created_key_shows_its_secret_once_and_listings_only_its_prefix()
    {
        var admin = await AdminAsync();

        var created = await SendAsync(HttpMethod.Post, "/v1/admin/keys", admin, new { name = "dealer site", plan = "slow" });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await JsonAsync(created);
        var secret = body.GetProperty("secret").GetString()!;
        var id = body.GetProperty("key").GetProperty("id").GetString();
        Assert.Equal($"/v1/admin/keys/{id}", created.Headers.Location!.OriginalString);
        Assert.StartsWith("vik_", secret, StringComparison.Ordinal);
        Assert.Equal(["api"], body.GetProperty("key").GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
        var listing = await (await SendAsync(HttpMethod.Get, "/v1/admin/keys", admin)).Content.ReadAsStringAsync(Cancel);
        Assert.DoesNotContain(secret, listing, StringComparison.Ordinal);
        Assert.Contains(secret[..8], listing, StringComparison.Ordinal);
        var shown = await JsonAsync(await SendAsync(HttpMethod.Get, $"/v1/admin/keys/{id}", admin));
        Assert.Equal(("dealer site", "slow"), (shown.GetProperty("name").GetString(), shown.GetProperty("plan").GetString()));
        Assert.Equal(HttpStatusCode.OK, (await fixture.App.Client.GetAsync($"/v1/vins/{FamilyCalls.Vin}?key={secret}", Cancel)).StatusCode);
    }

    [Fact]
    public async Task A_key_revoked_through_the_admin_api_fails_at_once()
    {
        var admin = await AdminAsync();
        var (key, secret) = await fixture.CreateKeyAsync();
        Assert.Equal(HttpStatusCode.OK, (await fixture.App.Client.GetAsync($"/images?make=Audi&model=TT&key={secret}", Cancel)).StatusCode);

        var revoked = await SendAsync(HttpMethod.Delete, $"/v1/admin/keys/{key.Id}", admin);

        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.NotEqual(JsonValueKind.Null, (await JsonAsync(revoked)).GetProperty("revokedAt").ValueKind);
        Assert.Equal(HttpStatusCode.Forbidden, (await fixture.App.Client.GetAsync($"/images?make=Audi&model=TT&key={secret}", Cancel)).StatusCode);
    }

    [Fact]
    public async Task A_rotated_key_answers_to_the_new_secret_only()
    {
        var admin = await AdminAsync();
        var (key, oldSecret) = await fixture.CreateKeyAsync();

        var rotated = await JsonAsync(await SendAsync(HttpMethod.Post, $"/v1/admin/keys/{key.Id}/rotate", admin));

        var newSecret = rotated.GetProperty("secret").GetString()!;
        Assert.Equal(key.Id.ToString(), rotated.GetProperty("key").GetProperty("id").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await fixture.App.Client.GetAsync($"/images?make=Audi&model=TT&key={oldSecret}", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fixture.App.Client.GetAsync($"/images?make=Audi&model=TT&key={newSecret}", Cancel)).StatusCode);
    }

    [Fact]
    public async Task A_key_moved_to_a_plan_without_the_family_is_refused_it_at_once()
    {
        var admin = await AdminAsync();
        var (key, secret) = await fixture.CreateKeyAsync();

        var moved = await SendAsync(HttpMethod.Patch, $"/v1/admin/keys/{key.Id}", admin, new { plan = "only-OneAuto" });

        Assert.Equal("only-OneAuto", (await JsonAsync(moved)).GetProperty("plan").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await fixture.App.Client.GetAsync($"/images?make=Audi&model=TT&key={secret}", Cancel)).StatusCode);
    }

    [Theory]
    [InlineData("POST", "/v1/admin/keys", "{\"name\":\"x\",\"plan\":\"gold\"}", 400, "No plan named 'gold'")]
    [InlineData("POST", "/v1/admin/keys", "{\"name\":\"x\",\"scopes\":[\"root\"]}", 400, "Unknown scope 'root'")]
    [InlineData("POST", "/v1/admin/keys", "{\"plan\":\"slow\"}", 400, "needs a name")]
    [InlineData("POST", "/v1/admin/keys", "{name:", 400, "must be JSON")]
    [InlineData("PATCH", "/v1/admin/keys/0197a000-0000-7000-8000-000000000000", "{\"plan\":\"slow\"}", 404, "No key")]
    [InlineData("PATCH", "/v1/admin/keys/0197a000-0000-7000-8000-000000000000", "[]", 400, "must be JSON")]
    [InlineData("DELETE", "/v1/admin/keys/0197a000-0000-7000-8000-000000000000", null, 404, "No key")]
    [InlineData("POST", "/v1/admin/keys/0197a000-0000-7000-8000-000000000000/rotate", null, 404, "No live key")]
    [InlineData("GET", "/v1/admin/usage?from=yesterday", null, 400, "yyyy-MM-dd")]
    [InlineData("GET", "/v1/admin/usage?key=me", null, 400, "key's ID")]
    [InlineData("GET", "/v1/admin/usage?from=2026-02-01&to=2026-01-01", null, 400, "must not be after")]
    public async Task Bad_admin_requests_get_a_problem_saying_why(string method, string path, string? body, int status, string reason)
    {
        var admin = await AdminAsync();
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        request.Headers.Add("X-API-Key", admin);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        var response = await fixture.App.Client.SendAsync(request, Cancel);

        Assert.Contains(reason, await FamilyCalls.AssertRefusalAsync(ApiFamily.Native, response, status), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_usage_of_every_key_is_reported_to_an_admin_and_of_its_own_to_any_key()
    {
        var admin = await AdminAsync();
        var (key, secret) = await fixture.CreateKeyAsync();
        await fixture.App.Client.GetAsync($"/images?make=Audi&model=TT&key={secret}", Cancel);
        await fixture.App.Client.GetAsync($"/images?make=Audi&key={secret}", Cancel);

        var all = await JsonAsync(await SendAsync(HttpMethod.Get, $"/v1/admin/usage?key={key.Id}", admin));
        var own = await JsonAsync(await SendAsync(HttpMethod.Get, "/v1/usage", secret));

        var line = Assert.Single(all.GetProperty("days").EnumerateArray());
        Assert.Equal(("/images", 1, 1), (line.GetProperty("endpoint").GetString(), line.GetProperty("chargeable").GetInt32(), line.GetProperty("notChargeable").GetInt32()));
        Assert.Equal(key.Prefix, own.GetProperty("key").GetString());
        Assert.Equal("default", own.GetProperty("plan").GetString());
        var ownLine = Assert.Single(own.GetProperty("days").EnumerateArray());
        Assert.Equal(("/images", 1, 1), (ownLine.GetProperty("endpoint").GetString(), ownLine.GetProperty("chargeable").GetInt32(), ownLine.GetProperty("notChargeable").GetInt32()));
        Assert.Equal(1, own.GetProperty("quota").GetProperty("used").GetInt32());
    }

    private async Task<string> AdminAsync() => (await fixture.CreateKeyAsync(scopes: KeyScopes.Api | KeyScopes.Admin)).Secret;

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? key, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (key is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return await fixture.App.Client.SendAsync(request, Cancel);
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel)).RootElement;
}
