using Dapper;
using Npgsql;
using VehicleImages.Storage.Catalog;
using VehicleImages.Storage.Catalog.Postgres;
using VehicleImages.Storage.Postgres;
using VehicleImages.Storage.Tests.Postgres;
using VehicleImages.Testing.Postgres;

namespace VehicleImages.Storage.Tests.Catalog;

public sealed class PostgresCatalogTests(PostgresServer server) : CatalogContract
{
    private readonly TestDatabases _databases = new(server);

    // Closed in reverse: the pool before the database it connects to.
    private readonly Stack<IAsyncDisposable> _upgraded = new();

    protected override async Task<ICatalog> OpenEmptyAsync() => new PostgresCatalog(await _databases.OpenAsync(Cancel));

    protected override async Task<ICatalog> OpenCataloguedBeforeVisionAsync(IReadOnlyList<CatalogEntry> entries)
    {
        var scratch = await server.CreateEmptyDatabaseAsync(Cancel);
        _upgraded.Push(scratch);
        await using (var connection = new NpgsqlConnection(scratch.ConnectionString))
        {
            await connection.OpenAsync(Cancel);
            await PostgresMigrator.MigrateAsync(connection, VersionBeforeVision, Cancel);
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO configurations (id, make, model, trim, body, year_from, year_to, make_key, model_key, trim_key) " +
                "SELECT * FROM unnest(@ids, @makes, @models, @trims, @bodies, @yearsFrom, @yearsTo, @makeKeys, @modelKeys, @trimKeys) ON CONFLICT DO NOTHING",
                ConfigurationRow.Columns([.. entries.Select(e => ConfigurationRow.From(e.Configuration))]), cancellationToken: Cancel));
            await connection.ExecuteAsync(new CommandDefinition(
                $"INSERT INTO images ({ColumnsBeforeVision}) SELECT * FROM unnest({ParametersOf(ColumnsBeforeVision).Replace("@Renditions", "@Renditions::jsonb[]", StringComparison.Ordinal)})",
                ImageRow.Columns([.. entries.Select(e => ImageRow.From(e.Image))]), cancellationToken: Cancel));
        }

        var database = await PostgresDatabase.OpenAsync(scratch.ConnectionString, Cancel);
        _upgraded.Push(database);
        return new PostgresCatalog(database);
    }

    protected override async ValueTask CloseAsync()
    {
        while (_upgraded.TryPop(out var opened))
        {
            await opened.DisposeAsync();
        }

        await _databases.DisposeAsync();
    }
}
