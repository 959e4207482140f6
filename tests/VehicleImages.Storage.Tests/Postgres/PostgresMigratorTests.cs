using Dapper;
using Npgsql;
using VehicleImages.Storage.Postgres;
using VehicleImages.Testing.Postgres;

namespace VehicleImages.Storage.Tests.Postgres;

public sealed class PostgresMigratorTests(PostgresServer server) : IAsyncLifetime
{
    private static readonly string[] Tables = ["admin_sessions", "api_keys", "audit_log", "configurations", "images", "schema_migrations", "usage"];

    private ScratchDatabase _empty = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _empty = await server.CreateEmptyDatabaseAsync(Cancel);

    public async ValueTask DisposeAsync() => await _empty.DisposeAsync();

    [Fact]
    public async Task Processes_starting_together_on_an_empty_database_apply_each_migration_once()
    {
        // Eight openers at once, each with a pool of its own, as separate processes would have.
        var openers = Enumerable.Range(0, 8).Select(_ => Task.Run(() => PostgresDatabase.OpenAsync(_empty.ConnectionString, Cancel), Cancel));
        var databases = await Task.WhenAll(openers);
        foreach (var database in databases)
        {
            await database.DisposeAsync();
        }

        Assert.Equal(ExpectedVersions(), await AppliedVersionsAsync());
        Assert.Equal(Tables, await TablesAsync());
    }

    [Fact]
    public async Task Opening_an_up_to_date_database_applies_nothing_again()
    {
        await (await PostgresDatabase.OpenAsync(_empty.ConnectionString, Cancel)).DisposeAsync();
        var first = await AppliedAsync();

        await (await PostgresDatabase.OpenAsync(_empty.ConnectionString, Cancel)).DisposeAsync();

        Assert.Equal(first, await AppliedAsync());
    }

    [Fact]
    public async Task A_failing_migration_leaves_no_trace()
    {
        // A table in the way makes the first script fail part-way; everything before the failure must roll back.
        await ExecuteAsync("CREATE TABLE images (id bigint)");

        await Assert.ThrowsAsync<PostgresException>(() => PostgresDatabase.OpenAsync(_empty.ConnectionString, Cancel));

        Assert.Equal(["images"], await TablesAsync());
    }

    private static long[] ExpectedVersions() => [.. MigrationScripts.Load("Postgres").Select(s => s.Version)];

    private async Task<long[]> AppliedVersionsAsync() => [.. (await AppliedAsync()).Select(a => a.Version)];

    private async Task<(long Version, string Name, DateTime AppliedAt)[]> AppliedAsync()
    {
        await using var connection = new NpgsqlConnection(_empty.ConnectionString);
        return [.. await connection.QueryAsync<(long, string, DateTime)>(new CommandDefinition(
            "SELECT version, name, applied_at FROM schema_migrations ORDER BY version", cancellationToken: Cancel))];
    }

    private async Task<string[]> TablesAsync()
    {
        await using var connection = new NpgsqlConnection(_empty.ConnectionString);
        return [.. await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name", cancellationToken: Cancel))];
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_empty.ConnectionString);
        await connection.ExecuteAsync(new CommandDefinition(sql, cancellationToken: Cancel));
    }
}
