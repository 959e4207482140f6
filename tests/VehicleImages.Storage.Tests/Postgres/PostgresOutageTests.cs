using System.Net;
using System.Net.Sockets;
using VehicleImages.Domain.Keys;
using VehicleImages.Domain.Search;
using VehicleImages.Domain.Usage;
using VehicleImages.Storage.Audit;
using VehicleImages.Storage.Audit.Postgres;
using VehicleImages.Storage.Catalog;
using VehicleImages.Storage.Catalog.Postgres;
using VehicleImages.Storage.Curation;
using VehicleImages.Storage.Curation.Postgres;
using VehicleImages.Storage.Keys.Postgres;
using VehicleImages.Storage.Postgres;
using VehicleImages.Storage.Sessions.Postgres;
using VehicleImages.Storage.Usage.Postgres;
using VehicleImages.Testing.Postgres;

namespace VehicleImages.Storage.Tests.Postgres;

/// <summary>
/// PostgreSQL going away and coming back under the stores: on a server of this class's own, which it halts and
/// resumes, so that no other test loses its database.
/// </summary>
public sealed class PostgresOutageTests : IAsyncLifetime
{
    private static readonly DateOnly Day = new(2026, 11, 21);
    private static readonly ImageSearch Search = new() { Make = "Jaguar", Model = "F-PACE" };

    private readonly PostgresServer _server = new();
    private OpenDatabase _database = null!;
    private PostgresCatalog _catalog = null!;
    private PostgresApiKeyStore _keys = null!;
    private PostgresUsageStore _usage = null!;
    private ApiKey _key = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await OpenDatabase.CreateAsync(_server, Cancel);
        _catalog = new PostgresCatalog(_database.Database);
        _keys = new PostgresApiKeyStore(_database.Database);
        _usage = new PostgresUsageStore(_database.Database);
        var configuration = SampleImages.Configuration();
        await _catalog.AddAsync([.. Enumerable.Range(0, 5).Select(i => new CatalogEntry(configuration, SampleImages.Image(configuration, $"image {i}")))], Cancel);
        _key = KeySecrets.Create("outage", KeyScopes.Api, "default", DateTimeOffset.UtcNow).Key;
        await _keys.AddAsync(_key, Cancel);
    }

    public async ValueTask DisposeAsync()
    {
        await _database.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Every_store_reports_an_outage_as_unavailable_and_serves_again_once_the_server_is_back()
    {
        await WarmThePoolAsync();

        await _server.HaltAsync();
        try
        {
            await Assert.ThrowsAsync<StorageUnavailableException>(() => _catalog.SearchAsync(Search, Cancel));
            await Assert.ThrowsAsync<StorageUnavailableException>(() => _catalog.PingAsync(Cancel));
            await Assert.ThrowsAsync<StorageUnavailableException>(() => _catalog.CountAsync(Cancel));
            await Assert.ThrowsAsync<StorageUnavailableException>(async () => await _catalog.PerceptualHashesAsync(Cancel).ToListAsync(Cancel));
            var newcomer = SampleImages.Configuration(model: "E-PACE");
            await Assert.ThrowsAsync<StorageUnavailableException>(() => _catalog.AddAsync([new(newcomer, SampleImages.Image(newcomer, "new"))], Cancel));
            await Assert.ThrowsAsync<StorageUnavailableException>(() => _keys.FindBySecretHashAsync(_key.SecretHash, Cancel));
            await Assert.ThrowsAsync<StorageUnavailableException>(() => _keys.SetPlanAsync(_key.Id, "gold", Cancel));
            await Assert.ThrowsAsync<StorageUnavailableException>(() => _usage.AddAsync([new(_key.Id, Day, "/images", true, 1)], Cancel));
            await Assert.ThrowsAsync<StorageUnavailableException>(() => _usage.QueryAsync(_key.Id, Day, Day, Cancel));
            await Assert.ThrowsAsync<StorageUnavailableException>(() => new PostgresAuditLog(_database.Database).ListAsync(new AuditQuery(), Cancel));
            await Assert.ThrowsAsync<StorageUnavailableException>(() => new PostgresAdminSessionStore(_database.Database).FindAsync("token", Cancel));
            await Assert.ThrowsAsync<StorageUnavailableException>(() => new PostgresCatalogCuration(_database.Database).FacetsAsync(LibraryFilter.All, Cancel));
        }
        finally
        {
            await _server.ResumeAsync();
        }

        await AllServeAsync(expectedCount: 1);
    }

    [Fact]
    public async Task A_restart_between_calls_leaves_no_dead_connection_for_later_calls()
    {
        // Nothing runs while the server is away, so the pool still holds the connections the restart killed.
        await WarmThePoolAsync();
        await _server.HaltAsync();
        await _server.ResumeAsync();

        // Readers meet at most one dead connection each and try again on a fresh one: none of them fails.
        var searches = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => _catalog.SearchAsync(Search, Cancel)));
        Assert.All(searches, found => Assert.Equal(5, found.Count));

        // A counter update is never run twice (it would count twice), so it may fail once; it never counts double.
        var failed = 0;
        try
        {
            await _usage.AddAsync([new(_key.Id, Day, "/images", true, 1)], Cancel);
        }
        catch (StorageUnavailableException)
        {
            failed++;
        }

        await AllServeAsync(expectedCount: 2 - failed);
    }

    [Fact]
    public async Task Opening_a_database_whose_server_is_down_is_unavailable_and_names_the_server()
    {
        var port = ClosedPort();

        var failure = await Assert.ThrowsAsync<StorageUnavailableException>(
            () => PostgresDatabase.OpenAsync($"postgres://app:hunter2@127.0.0.1:{port}/images?timeout=5", Cancel));

        Assert.Contains($"127.0.0.1:{port}/images", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", failure.Message, StringComparison.Ordinal);
    }

    // Several calls at once, so that several connections sit idle in the pool afterwards.
    private async Task WarmThePoolAsync() =>
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => _catalog.SearchAsync(Search, Cancel)));

    private async Task AllServeAsync(int expectedCount)
    {
        Assert.Equal(5, (await _catalog.SearchAsync(Search, Cancel)).Count);
        await _catalog.PingAsync(Cancel);
        Assert.Equal(5, (await _catalog.PerceptualHashesAsync(Cancel).ToListAsync(Cancel)).Count);
        Assert.Equal(_key.Id, (await _keys.FindBySecretHashAsync(_key.SecretHash, Cancel))?.Id);
        await _usage.AddAsync([new(_key.Id, Day, "/images", true, 1)], Cancel);
        Assert.Equal(expectedCount, Assert.Single(await _usage.QueryAsync(_key.Id, Day, Day, Cancel)).Count);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
