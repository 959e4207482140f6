using System.Net;
using VehicleImages.Domain.Keys;

namespace VehicleImages.Api.Tests.Access;

/// <summary>Plans edited in the settings file apply to the running app, without a restart.</summary>
public sealed class PlanChangeTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_plan_edited_in_the_settings_file_applies_to_the_next_requests()
    {
        using var folder = new TempDirectory("vi-plans");
        var file = folder.Combine("appsettings.json");
        var (app, secret) = await StartAsync(file);
        await using var _ = app;
        Assert.Equal(HttpStatusCode.OK, (await CarsXeAsync(app, secret)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await NativeAsync(app, secret)).StatusCode);

        await File.WriteAllTextAsync(file, Plans(families: "\"CarsXe\", \"Native\"", burst: 7), Cancel);

        var answer = await EventuallyAsync(() => NativeAsync(app, secret), r => r.StatusCode == HttpStatusCode.OK);
        Assert.Equal("7", answer.Headers.GetValues("X-RateLimit-Limit").Single());
    }

    [Fact]
    public async Task A_broken_edit_keeps_the_plans_in_force()
    {
        using var folder = new TempDirectory("vi-plans");
        var file = folder.Combine("appsettings.json");
        var (app, secret) = await StartAsync(file);
        await using var _ = app;

        await File.WriteAllTextAsync(file, Plans(families: "\"CarsXe\", \"Natve\"", burst: 1000), Cancel);
        await Task.Delay(TimeSpan.FromSeconds(2), Cancel);

        Assert.Equal(HttpStatusCode.OK, (await CarsXeAsync(app, secret)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await NativeAsync(app, secret)).StatusCode);
    }

    // The app reading its plans from the file, which starts with a "partner" plan of CarsXE only; and a key on it.
    private static async Task<(TestApp App, string Secret)> StartAsync(string file)
    {
        await File.WriteAllTextAsync(file, Plans(families: "\"CarsXe\"", burst: 1000), Cancel);
        var app = await TestApp.StartAsync(settingsFile: file);
        var (_, secret) = await app.Service<Application.Keys.KeyManager>().CreateAsync("app", "partner", KeyScopes.Api, Cancel);
        return (app, secret);
    }

    private static string Plans(string families, int burst) =>
        $$"""{ "Access": { "Plans": { "partner": { "RequestsPerSecond": 1000, "Burst": {{burst}}, "Families": [{{families}}] } } } }""";

    private static Task<HttpResponseMessage> CarsXeAsync(TestApp app, string secret) => app.Client.GetAsync($"/images?make=Audi&model=TT&key={secret}", Cancel);

    private static Task<HttpResponseMessage> NativeAsync(TestApp app, string secret) => app.Client.GetAsync($"/v1/vins/{FamilyCalls.Vin}?key={secret}", Cancel);

    // File watching takes a moment to notice a save: poll, for at most ten seconds.
    private static async Task<HttpResponseMessage> EventuallyAsync(Func<Task<HttpResponseMessage>> send, Func<HttpResponseMessage, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var response = await send();
            if (done(response) || DateTime.UtcNow > deadline)
            {
                return response;
            }

            await Task.Delay(100, Cancel);
        }
    }
}
