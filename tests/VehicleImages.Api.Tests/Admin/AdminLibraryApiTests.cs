using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace VehicleImages.Api.Tests.Admin;

/// <summary>Browsing the library through the admin API: facets with counts, every filter, and bad filters as 400s.</summary>
public sealed class AdminLibraryApiTests(LibraryFixture fixture) : IClassFixture<LibraryFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Facets_count_makes_then_the_chosen_makes_models_years_and_trims()
    {
        var all = await GetJsonAsync("/v1/admin/images/facets");
        var jaguar = await GetJsonAsync("/v1/admin/images/facets?make=Jaguar&model=F-PACE");

        Assert.Equal(Counts(LibraryFixture.Rows.Select(r => r.Make)), Facet(all, "makes"));
        Assert.Empty(Facet(all, "models"));
        Assert.Equal(Counts(LibraryFixture.Rows.Where(r => r.Make == "Jaguar").Select(r => r.Model)), Facet(jaguar, "models"));
        Assert.Equal(Counts(LibraryFixture.Rows.Where(r => r.Model == "F-PACE").Select(r => r.Year)), Facet(jaguar, "years"));
        Assert.Equal(Counts(LibraryFixture.Rows.Where(r => r.Model == "F-PACE").Select(r => r.Trim)), Facet(jaguar, "trims"));
    }

    [Theory]
    [InlineData("make=Ford&model=F-150&view=front_left", 2)]
    [InlineData("vin=1ftew1c52pfa86825", 5)]
    [InlineData("quality=too_small", 1)]
    [InlineData("quality=good&make=Jaguar", 8)]
    [InlineData("make=Jaguar&photoType=interior", 1)]
    [InlineData("source=wholesale", 1)]
    [InlineData("licence=&make=Ford", 6)]
    [InlineData("make=Jaguar&colour=Black", 1)]
    public async Task Browsing_filters_by_every_label(string query, int expected)
    {
        var page = await GetJsonAsync($"/v1/admin/images?{query}");

        Assert.Equal(expected, page.GetProperty("total").GetInt32());
        Assert.Equal(expected, page.GetProperty("images").GetArrayLength());
    }

    [Theory]
    [InlineData("/v1/admin/images?view=sideways", "'view'")]
    [InlineData("/v1/admin/images?years=soon", "'years'")]
    [InlineData("/v1/admin/images?limit=100000", "'limit'")]
    [InlineData("/v1/admin/images/facets?quality=shiny", "'quality'")]
    [InlineData("/v1/admin/audit?before=yesterday", "'before'")]
    public async Task A_bad_filter_is_a_400_that_names_the_parameter(string path, string named)
    {
        using var response = await AdminClient().GetAsync(path, Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(named, (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_curl_lines_of_an_image_page_run_as_printed_and_return_the_image()
    {
        var page = await GetJsonAsync($"/v1/admin/images?vin={LibraryFixture.FordVin}&view=front_left");
        var id = Assert.Single(page.GetProperty("images").EnumerateArray()).GetProperty("id").GetString()!;
        var image = await GetJsonAsync($"/v1/admin/images/{id}");
        var calls = image.GetProperty("apiCalls").EnumerateArray().ToDictionary(c => c.GetProperty("family").GetString()!, c => c.GetProperty("curl").GetString()!);
        Assert.Equal(["CarsXE", "auto.dev", "OneAuto", "native"], calls.Keys);

        // CarsXE and OneAuto answer with links to the image itself; auto.dev and native with the vehicle's photos.
        Assert.Contains($"/{id}/", await ShellAsync(calls["CarsXE"]), StringComparison.Ordinal);
        Assert.Contains($"/{id}/", await ShellAsync(calls["OneAuto"]), StringComparison.Ordinal);
        Assert.Contains($"{LibraryFixture.FordVin}-1", await ShellAsync(calls["auto.dev"]), StringComparison.Ordinal);
        Assert.Contains(LibraryFixture.FordVin, await ShellAsync(calls["native"]), StringComparison.Ordinal);

        var withoutVin = await GetJsonAsync($"/v1/admin/images/{await IdOfAsync("make=Audi")}");
        var autoDev = withoutVin.GetProperty("apiCalls").EnumerateArray().Single(c => c.GetProperty("family").GetString() == "auto.dev");
        Assert.Equal(JsonValueKind.Null, autoDev.GetProperty("curl").ValueKind);
        Assert.Contains("VIN", autoDev.GetProperty("note").GetString(), StringComparison.Ordinal);
    }

    // Runs a curl line as an operator would paste it, with their key in the variable it names.
    private async Task<string> ShellAsync(string command)
    {
        var info = new ProcessStartInfo("bash", ["-c", $"{command} --fail-with-body"]) { RedirectStandardOutput = true, Environment = { ["VEHICLE_IMAGES_KEY"] = fixture.Key } };
        using var process = Process.Start(info)!;
        var output = await process.StandardOutput.ReadToEndAsync(Cancel);
        await process.WaitForExitAsync(Cancel);
        Assert.True(process.ExitCode == 0, $"{command} exited with {process.ExitCode}: {output}");
        return output;
    }

    private async Task<string> IdOfAsync(string query) =>
        Assert.Single((await GetJsonAsync($"/v1/admin/images?{query}")).GetProperty("images").EnumerateArray()).GetProperty("id").GetString()!;

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

    private static List<(string, long)> Counts(IEnumerable<string> values) =>
        [.. values.GroupBy(v => v).Select(g => (g.Key, (long)g.Count())).OrderBy(c => c.Key, StringComparer.Ordinal)];

    private static List<(string, long)> Facet(JsonElement facets, string name) =>
        [.. facets.GetProperty(name).EnumerateArray().Select(f => (f.GetProperty("value").GetString()!, f.GetProperty("count").GetInt64())).OrderBy(c => c.Item1, StringComparer.Ordinal)];
}
