using System.Runtime.CompilerServices;
using Dapper;
using Npgsql;
using VehicleImages.Domain.Images;
using VehicleImages.Domain.Vehicles;
using VehicleImages.Storage.Catalog;
using VehicleImages.Storage.Catalog.Postgres;
using VehicleImages.Storage.Postgres;

namespace VehicleImages.Storage.Curation.Postgres;

/// <summary>Curation over the PostgreSQL catalog: the same tables <see cref="PostgresCatalog"/> serves from.</summary>
public sealed class PostgresCatalogCuration : ICatalogCuration
{
    private const string From = "FROM images i JOIN configurations c ON c.id = i.configuration_id";

    private const string ConfigurationColumns =
        "c.make AS cfg_make, c.model AS cfg_model, c.trim AS cfg_trim, c.body AS cfg_body, c.year_from AS cfg_year_from, c.year_to AS cfg_year_to";

    // The labels a relabel may change, where each came from, and the models of the prediction: each column with its
    // value in a row. A relabel writes only over a row that still holds the values the caller read.
    private static readonly (string Column, Func<ImageRow, object?> Value)[] Labels =
    [
        ("configuration_id", r => r.ConfigurationId), ("view", r => r.View), ("photo_type", r => r.PhotoType),
        ("colour_name", r => r.ColourName), ("colour", r => r.Colour), ("license", r => r.License), ("license_note", r => r.LicenseNote),
        ("quality_issues", r => r.QualityIssues), ("duplicate_of", r => r.DuplicateOf),
        ("view_source", r => r.ViewSource), ("photo_type_source", r => r.PhotoTypeSource), ("colour_source", r => r.ColourSource),
        ("verdict_source", r => r.VerdictSource), ("vision_models", r => r.VisionModels),
    ];

    // The rest of the prediction, written with the labels but not compared: the same models give the same answers
    // for the same image, so the models alone tell whether someone replaced the prediction meanwhile.
    private static readonly (string Column, Func<ImageRow, object?> Value, string Cast)[] Prediction =
    [
        ("vision_content", r => r.VisionContent, ""), ("vision_vehicle_score", r => r.VisionVehicleScore, ""), ("vision_view", r => r.VisionView, ""),
        ("vision_view_score", r => r.VisionViewScore, ""), ("vision_colour", r => r.VisionColour, ""), ("vision_colour_hex", r => r.VisionColourHex, ""),
        ("vision_colour_score", r => r.VisionColourScore, ""), ("vision_scores", r => r.VisionScores, "::jsonb"),
    ];

    // A walk over every image reads a page per query, so it holds no connection while the caller works on an image,
    // and a page lost to a restarted server is read again.
    private const int WalkPage = 256;

    private readonly PostgresDatabase _database;

    public PostgresCatalogCuration(PostgresDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
    }

    public Task<LibraryFacets> FacetsAsync(LibraryFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return _database.RunAsync(async connection =>
        {
            var makes = await CountAsync(connection, filter with { Make = null, Model = null, Years = null, Trim = null }, "c.make", "c.make_key", cancellationToken);
            if (filter.Make is null)
            {
                return new LibraryFacets(makes, [], [], []);
            }

            var models = await CountAsync(connection, filter with { Model = null, Years = null, Trim = null }, "c.model", "c.model_key", cancellationToken);
            if (filter.Model is null)
            {
                return new LibraryFacets(makes, models, [], []);
            }

            var years = await YearsAsync(connection, filter with { Years = null, Trim = null }, cancellationToken);
            var trims = await CountAsync(connection, filter with { Trim = null }, "c.trim", "c.trim_key", cancellationToken);
            return new LibraryFacets(makes, models, years, trims);
        }, cancellationToken);
    }

    public Task<LibraryPage> BrowseAsync(LibraryFilter filter, int offset, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var parameters = new DynamicParameters();
        var where = LibraryFilterSql.Where(filter, parameters);
        parameters.Add("offset", offset);
        parameters.Add("limit", limit);
        var columns = string.Join(", ", PostgresCatalog.ImageColumns.Split(", ").Select(column => "i." + column));

        return _database.RunAsync(async connection =>
        {
            var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                $"SELECT COUNT(*) {From} WHERE {where}", parameters, cancellationToken: cancellationToken));
            var rows = await connection.QueryAsync<MatchRow>(new CommandDefinition(
                $"SELECT {columns}, {ConfigurationColumns} {From} WHERE {where} " +
                "ORDER BY c.make_key, c.model_key, c.year_to IS NULL, c.year_to DESC, c.year_from DESC, c.trim_key, i.view, i.id LIMIT @limit OFFSET @offset",
                parameters, cancellationToken: cancellationToken));
            return new LibraryPage([.. rows.Select(row => row.ToMatch())], total);
        }, cancellationToken);
    }

    public Task<bool> ReplaceLabelsAsync(VehicleImage current, CatalogEntry updated, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(updated);
        var (configuration, image) = updated;
        if (image.Id != current.Id || image.ConfigurationId != configuration.Id)
        {
            throw new ArgumentException($"The update must be of image {current.Id} and name its own configuration.", nameof(updated));
        }

        var before = ImageRow.From(current);
        var after = ImageRow.From(image);
        var parameters = new DynamicParameters();
        parameters.Add("Id", after.Id);
        foreach (var (column, value) in Labels)
        {
            parameters.Add("new_" + column, value(after));
            parameters.Add("old_" + column, value(before));
        }

        foreach (var (column, value, _) in Prediction)
        {
            parameters.Add("new_" + column, value(after));
        }

        // Not repeated after a lost connection: had the first run committed, the second would find the new labels and
        // report the change as lost to someone else's.
        return _database.RunOnceAsync(async connection =>
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO configurations (id, make, model, trim, body, year_from, year_to, make_key, model_key, trim_key) " +
                "VALUES (@Id, @Make, @Model, @Trim, @Body, @YearFrom, @YearTo, @MakeKey, @ModelKey, @TrimKey) ON CONFLICT (id) DO NOTHING",
                ConfigurationRow.From(configuration), transaction, cancellationToken: cancellationToken));

            // The row must still hold exactly the labels the caller read; IS NOT DISTINCT FROM counts two NULLs as equal.
            var set = string.Join(", ", Labels.Select(l => $"{l.Column} = @new_{l.Column}").Concat(Prediction.Select(p => $"{p.Column} = @new_{p.Column}{p.Cast}")));
            var unchanged = string.Join(" AND ", Labels.Select(l => $"{l.Column} IS NOT DISTINCT FROM @old_{l.Column}"));
            var written = await connection.ExecuteAsync(new CommandDefinition(
                $"UPDATE images SET {set} WHERE id = @Id AND {unchanged}", parameters, transaction, cancellationToken: cancellationToken));
            if (written == 0)
            {
                await transaction.RollbackAsync(cancellationToken);
                return false;
            }

            await RemoveIfEmptyAsync(connection, current.ConfigurationId, transaction, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        }, cancellationToken);
    }

    public async IAsyncEnumerable<VehicleImage> AllImagesAsync(ImageId? after, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var last = after?.Value;
        while (true)
        {
            var page = await _database.RunAsync(async connection => (await connection.QueryAsync<ImageRow>(new CommandDefinition(
                $"SELECT {PostgresCatalog.ImageColumns} FROM images {(last is null ? "" : "WHERE id > @last")} ORDER BY id LIMIT @limit",
                new { last, limit = WalkPage }, cancellationToken: cancellationToken))).ToArray(), cancellationToken);

            foreach (var row in page)
            {
                yield return row.ToDomain();
            }

            if (page.Length < WalkPage)
            {
                yield break;
            }

            last = page[^1].Id;
        }
    }

    // Not repeated after a lost connection: had the first run committed, the second would find nothing and report
    // the image as never there.
    public Task<VehicleImage?> RemoveAsync(ImageId id, CancellationToken cancellationToken) =>
        _database.RunOnceAsync(async connection =>
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var row = await connection.QuerySingleOrDefaultAsync<ImageRow>(new CommandDefinition(
                $"DELETE FROM images WHERE id = @id RETURNING {PostgresCatalog.ImageColumns}", new { id = id.Value }, transaction, cancellationToken: cancellationToken));
            if (row is null)
            {
                return null;
            }

            var image = row.ToDomain();
            await RemoveIfEmptyAsync(connection, image.ConfigurationId, transaction, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return image;
        }, cancellationToken);

    private static async Task<IReadOnlyList<FacetCount>> CountAsync(
        NpgsqlConnection connection, LibraryFilter filter, string display, string key, CancellationToken cancellationToken)
    {
        var parameters = new DynamicParameters();
        var rows = await connection.QueryAsync<(string? Value, long Count)>(new CommandDefinition(
            $"SELECT MIN({display}), COUNT(*) {From} WHERE {LibraryFilterSql.Where(filter, parameters)} GROUP BY {key} ORDER BY {key}",
            parameters, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new FacetCount(r.Value ?? "", r.Count))];
    }

    private static async Task<IReadOnlyList<FacetCount>> YearsAsync(NpgsqlConnection connection, LibraryFilter filter, CancellationToken cancellationToken)
    {
        var parameters = new DynamicParameters();
        var rows = await connection.QueryAsync<(short? From, short? To, long Count)>(new CommandDefinition(
            $"SELECT c.year_from, c.year_to, COUNT(*) {From} WHERE {LibraryFilterSql.Where(filter, parameters)} " +
            "GROUP BY c.year_from, c.year_to ORDER BY c.year_to IS NULL, c.year_to DESC, c.year_from DESC",
            parameters, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new FacetCount(r is { From: { } from, To: { } to } ? new YearRange(from, to).ToString() : "", r.Count))];
    }

    // Configurations are only ever reached through their images; one that has none left is removed with the last.
    private static Task<int> RemoveIfEmptyAsync(NpgsqlConnection connection, Guid configuration, NpgsqlTransaction transaction, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM configurations WHERE id = @id AND NOT EXISTS (SELECT 1 FROM images WHERE configuration_id = @id)",
            new { id = configuration }, transaction, cancellationToken: cancellationToken));
}
