using Dapper;
using VehicleImages.Domain.Usage;
using VehicleImages.Storage.Catalog;
using VehicleImages.Storage.Catalog.Sqlite;
using VehicleImages.Storage.Curation.Sqlite;
using VehicleImages.Storage.Sqlite;
using VehicleImages.Storage.Usage.Sqlite;

namespace VehicleImages.Storage.Tests.Catalog;

public sealed class SqliteCatalogTests : CatalogContract
{
    private readonly TempDirectory _folder = new("vi-sqlite");

    private string DatabasePath => _folder.Combine("catalog.db");

    protected override async Task<ICatalog> OpenEmptyAsync() => await SqliteCatalog.OpenAsync(DatabasePath, Cancel);

    protected override async Task<ICatalog> OpenCataloguedBeforeVisionAsync(IReadOnlyList<CatalogEntry> entries)
    {
        const string configurationColumns = "id, make, model, trim, body, year_from, year_to, make_key, model_key, trim_key";
        var path = _folder.Combine("before-vision.db");
        await using (var connection = await new SqliteConnections(path).OpenAsync(Cancel))
        {
            await SqliteMigrator.MigrateAsync(connection, VersionBeforeVision, Cancel);
            foreach (var (configuration, image) in entries)
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    $"INSERT OR IGNORE INTO configurations ({configurationColumns}) VALUES ({ParametersOf(configurationColumns)})",
                    ConfigurationRow.From(configuration), cancellationToken: Cancel));
                await connection.ExecuteAsync(new CommandDefinition(
                    $"INSERT INTO images ({ColumnsBeforeVision}) VALUES ({ParametersOf(ColumnsBeforeVision)})", ImageRow.From(image), cancellationToken: Cancel));
            }
        }

        return await SqliteCatalog.OpenAsync(path, Cancel);
    }

    protected override ValueTask CloseAsync()
    {
        VehicleImages.Storage.StorageFactory.CloseSqliteConnections();
        _folder.Dispose();
        return ValueTask.CompletedTask;
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task The_database_and_its_wal_and_shm_files_are_their_owners_only()
    {
        await Catalog.AddAsync([new(SampleImages.Configuration(), SampleImages.Image(SampleImages.Configuration(), "private"))], Cancel);

        var ownerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        Assert.Equal(ownerOnly, File.GetUnixFileMode(DatabasePath));
        Assert.Equal(ownerOnly, File.GetUnixFileMode(DatabasePath + "-wal"));
        Assert.Equal(ownerOnly, File.GetUnixFileMode(DatabasePath + "-shm"));
    }

    [Fact]
    public async Task Images_survive_closing_and_reopening_the_file()
    {
        var configuration = SampleImages.Configuration();
        var image = SampleImages.Image(configuration, "durable");
        await Catalog.AddAsync([new(configuration, image)], Cancel);

        var reopened = await SqliteCatalog.OpenAsync(DatabasePath, Cancel);

        Assert.Equivalent(image, await reopened.FindImageAsync(image.Id, Cancel), strict: true);
    }

    [Fact]
    public async Task The_version_moves_with_every_catalog_change_by_any_connection_and_only_then()
    {
        var catalog = (SqliteCatalog)Catalog;
        var configuration = SampleImages.Configuration();
        var first = catalog.Read();

        // Reads, and writes to the file's other tables (usage is counted several times a second), leave it.
        await catalog.FindImageAsync(SampleImages.Image(configuration, "absent").Id, Cancel);
        var usage = await SqliteUsageStore.OpenAsync(DatabasePath, Cancel);
        await usage.AddAsync([new UsageCount(Guid.NewGuid(), new DateOnly(2026, 11, 21), "/images", true, 1)], Cancel);
        Assert.Equal(first, catalog.Read());

        // This catalog's own write, then another's on the same file (as a CLI ingest would be), then a curator's.
        await catalog.AddAsync([new(configuration, SampleImages.Image(configuration, "own"))], Cancel);
        var afterOwn = catalog.Read();
        var other = await SqliteCatalog.OpenAsync(DatabasePath, Cancel);
        await other.AddAsync([new(configuration, SampleImages.Image(configuration, "other"))], Cancel);
        var afterOther = catalog.Read();
        var curation = await SqliteCatalogCuration.OpenAsync(DatabasePath, Cancel);
        await curation.RemoveAsync(SampleImages.Image(configuration, "own").Id, Cancel);
        var afterCuration = catalog.Read();

        Assert.NotEqual(first, afterOwn);
        Assert.NotEqual(afterOwn, afterOther);
        Assert.NotEqual(afterOther, afterCuration);
        Assert.Equal(afterCuration, catalog.Read());
    }
}
