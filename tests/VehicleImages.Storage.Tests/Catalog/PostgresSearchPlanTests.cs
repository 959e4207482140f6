using Dapper;
using Npgsql;
using VehicleImages.Domain.Colours;
using VehicleImages.Domain.Images;
using VehicleImages.Domain.Search;
using VehicleImages.Storage.Catalog;
using VehicleImages.Storage.Catalog.Postgres;
using VehicleImages.Storage.Tests.Postgres;
using VehicleImages.Testing.Postgres;

namespace VehicleImages.Storage.Tests.Catalog;

/// <summary>
/// The search reads each configuration's images from images_ranked in ranking order, from the index alone, rather
/// than ranking all of a model's images: only then does its cost stay flat as a model grows. The index is used only while the query spells
/// the hero-view term exactly as migration 0006 does, so a change to either shows here.
/// </summary>
public sealed class PostgresSearchPlanTests(PostgresServer server) : IAsyncLifetime
{
    private OpenDatabase _database = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await OpenDatabase.CreateAsync(server, Cancel);
        // As in a large library: a few configurations of a popular model with many images each, among many small ones,
        // so that the planner's estimate of one configuration's images (the average) is far below the popular ones'.
        var popular = Enumerable.Range(0, 4).Select(i => SampleImages.Configuration(trim: $"T{i}")).ToArray();
        var others = Enumerable.Range(0, 1000).Select(i => SampleImages.Configuration(model: $"Other {i}")).ToArray();
        await new PostgresCatalog(_database.Database).AddAsync(
            [
                .. Enumerable.Range(0, 2000).Select(i => new CatalogEntry(popular[i % 4], SampleImages.Image(popular[i % 4], $"plan {i}", (View)(i % 9)) with { HasAlpha = i % 5 == 0 })),
                .. Enumerable.Range(0, 3000).Select(i => new CatalogEntry(others[i % 1000], SampleImages.Image(others[i % 1000], $"other {i}", (View)(i % 9)))),
            ],
            Cancel);
        await ExecuteAsync("VACUUM ANALYZE images, configurations");
    }

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, true)]
    [InlineData(true, false)]
    public async Task A_search_reads_each_configurations_images_in_ranking_order(bool withColour, bool preferTransparent)
    {
        var search = new ImageSearch
        {
            Make = "Jaguar",
            Model = "F-PACE",
            Year = 2019,
            Colour = withColour ? GenericColour.White : null,
            PreferTransparent = preferTransparent,
        };

        var plan = await PlanAsync(search);

        Assert.True(plan.Contains("Index Only Scan using images_ranked on images", StringComparison.Ordinal), plan);
        Assert.DoesNotContain("Index Scan using images_ranked", plan, StringComparison.Ordinal);

        // One sort only: the final ranking of the few candidates. A sort per configuration would mean the index's
        // order was not the query's, and every image of the model would be read.
        Assert.True(plan.Split('\n').Count(line => line.TrimStart(' ', '-', '>').StartsWith("Sort  (", StringComparison.Ordinal)) == 1, plan);
    }

    private async Task<string> PlanAsync(ImageSearch search)
    {
        var command = PostgresSearch.Command(search, PostgresCatalog.ImageColumns, Cancel);
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync(Cancel);

        // A test-sized table is read whole more cheaply than through any index; the planner is told not to, so that
        // the plan shows what it does at scale.
        await connection.ExecuteAsync("SET enable_seqscan = off; SET enable_bitmapscan = off");
        var lines = await connection.QueryAsync<string>(new CommandDefinition("EXPLAIN " + command.CommandText, command.Parameters, cancellationToken: Cancel));
        return string.Join('\n', lines);
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.ExecuteAsync(new CommandDefinition(sql, cancellationToken: Cancel));
    }
}
