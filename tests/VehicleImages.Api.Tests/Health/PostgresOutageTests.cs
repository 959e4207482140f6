using System.Net;
using System.Text.Json;
using Npgsql;
using VehicleImages.Application.Keys;
using VehicleImages.Domain.Keys;
using VehicleImages.Testing.Postgres;
using static VehicleImages.Api.Tests.Access.FamilyCalls;

namespace VehicleImages.Api.Tests.Health;

/// <summary>
/// The service on PostgreSQL while the database goes away and comes back: each family answers its 503, readiness goes
/// red, and both recover without a restart. The server is this class's own, so halting it disturbs no other test.
/// </summary>
public sealed class PostgresOutageTests : IAsyncLifetime
{
    private readonly PostgresServer _server = new();
    private ScratchDatabase _database = null!;
    private TestApp _app = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await _server.CreateEmptyDatabaseAsync(Cancel);
        var keywords = new NpgsqlConnectionStringBuilder(_database.ConnectionString);
        _app = await TestApp.StartAsync(new Dictionary<string, string?>
        {
            ["Storage:Catalog"] = $"postgres://{keywords.Username}@{keywords.Host}:{keywords.Port}/{keywords.Database}",
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _database.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Every_family_answers_503_while_postgres_is_down_and_serves_again_when_it_returns()
    {
        var (_, secret) = await _app.Service<KeyManager>().CreateAsync("outage", "default", KeyScopes.Api, Cancel);
        var families = Enum.GetValues<ApiFamily>();
        foreach (var family in families)
        {
            Assert.True((await _app.Client.SendAsync(Request(family, secret), Cancel)).IsSuccessStatusCode, $"{family} before the outage");
        }

        await _server.HaltAsync();
        try
        {
            // Known keys are cached for a second; forgetting them makes each request meet the database at once.
            _app.Service<KeyAuthenticator>().Forget();
            foreach (var family in families)
            {
                var response = await _app.Client.SendAsync(Request(family, secret), Cancel);
                Assert.Contains("unavailable", await AssertRefusalAsync(family, response, 503), StringComparison.OrdinalIgnoreCase);
                Assert.Equal("5", response.Headers.GetValues("Retry-After").Single());
            }

            var (ready, catalogOk) = await ReadinessAsync();
            Assert.Equal((HttpStatusCode.ServiceUnavailable, false), (ready, catalogOk));
        }
        finally
        {
            await _server.ResumeAsync();
        }

        Assert.Equal((HttpStatusCode.OK, true), await ReadinessAsync());
        foreach (var family in families)
        {
            Assert.True((await _app.Client.SendAsync(Request(family, secret), Cancel)).IsSuccessStatusCode, $"{family} after the outage");
        }
    }

    private async Task<(HttpStatusCode Status, bool CatalogOk)> ReadinessAsync()
    {
        var response = await _app.Client.GetAsync("/readyz", Cancel);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
        return (response.StatusCode, body.RootElement.GetProperty("checks").GetProperty("catalog").GetProperty("ok").GetBoolean());
    }
}
