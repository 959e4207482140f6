using Dapper;
using Npgsql;
using VehicleImages.Domain.Images;
using VehicleImages.Domain.Search;
using VehicleImages.Domain.Text;
using VehicleImages.Domain.Vehicles;
using VehicleImages.Storage.Postgres;

namespace VehicleImages.Storage.Catalog.Postgres;

/// <summary>The catalog in PostgreSQL: for libraries and traffic that outgrow one machine.</summary>
public sealed class PostgresCatalog : ICatalog
{
    internal const string ImageColumns =
        "id, sha256, configuration_id, view, photo_type, colour_name, colour, source, provenance, vin, sequence, registration, " +
        "license, license_note, attribution, context_link, date_published, format, width, height, byte_size, has_alpha, " +
        "accent_colour, phash, quality_issues, duplicate_of, renditions, ingested_at, " +
        "view_source, photo_type_source, colour_source, verdict_source, vision_models, vision_content, vision_vehicle_score, " +
        "vision_view, vision_view_score, vision_colour, vision_colour_hex, vision_colour_score, vision_scores";

    // One array per column, in ImageColumns order: see ImageRow.Columns.
    private const string ImageArrays =
        "@Id, @Sha256, @ConfigurationId, @View, @PhotoType, @ColourName, @Colour, @Source, @Provenance, @Vin, @Sequence, @Registration, " +
        "@License, @LicenseNote, @Attribution, @ContextLink, @DatePublished, @Format, @Width, @Height, @ByteSize, @HasAlpha, " +
        "@AccentColour, @Phash, @QualityIssues, @DuplicateOf, @Renditions::jsonb[], @IngestedAt, " +
        "@ViewSource, @PhotoTypeSource, @ColourSource, @VerdictSource, @VisionModels, @VisionContent, @VisionVehicleScore, " +
        "@VisionView, @VisionViewScore, @VisionColour, @VisionColourHex, @VisionColourScore, @VisionScores::jsonb[]";

    private const string ConfigurationColumns = "id, make, model, trim, body, year_from, year_to, make_key, model_key, trim_key";

    private readonly PostgresDatabase _database;

    public PostgresCatalog(PostgresDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
    }

    public Task<IReadOnlyList<bool>> AddAsync(IReadOnlyList<CatalogEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        foreach (var (configuration, image) in entries)
        {
            if (image.ConfigurationId != configuration.Id)
            {
                throw new ArgumentException($"Image {image.Id} names configuration {image.ConfigurationId}, not {configuration.Id}.", nameof(entries));
            }
        }

        // Safe to repeat: a second run of a batch whose commit did go through adds nothing and reports those images
        // as already catalogued, which they are.
        return _database.RunAsync(connection => AddBatchAsync(connection, entries, cancellationToken), cancellationToken);
    }

    public Task<bool> ContainsAsync(ContentHash hash, CancellationToken cancellationToken) =>
        _database.RunAsync(connection => connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT EXISTS (SELECT 1 FROM images WHERE sha256 = @sha)", new { sha = Convert.FromHexString(hash.Hex) }, cancellationToken: cancellationToken)),
            cancellationToken);

    public Task<VehicleImage?> FindImageAsync(ImageId id, CancellationToken cancellationToken) =>
        _database.RunAsync(async connection => (await connection.QuerySingleOrDefaultAsync<ImageRow>(new CommandDefinition(
            $"SELECT {ImageColumns} FROM images WHERE id = @id", new { id = id.Value }, cancellationToken: cancellationToken)))?.ToDomain(),
            cancellationToken);

    public Task<VehicleConfiguration?> FindConfigurationAsync(Guid id, CancellationToken cancellationToken) =>
        _database.RunAsync(async connection => (await connection.QuerySingleOrDefaultAsync<ConfigurationRow>(new CommandDefinition(
            $"SELECT {ConfigurationColumns} FROM configurations WHERE id = @id", new { id }, cancellationToken: cancellationToken)))?.ToDomain(),
            cancellationToken);

    public Task<IReadOnlyList<VehicleImage>> FindByVinAsync(string vin, CancellationToken cancellationToken) =>
        QueryImagesAsync(
            $"SELECT {ImageColumns} FROM images WHERE vin = @vin " +
            "ORDER BY source, sequence NULLS LAST, CASE WHEN photo_type = 0 THEN 0 ELSE 1 END, id",
            new { vin }, cancellationToken);

    public Task<IReadOnlyList<ConfigurationSummary>> SummariseAsync(ConfigurationSearch search, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(search);
        var parameters = new DynamicParameters(new { make = MatchKey.Of(search.Make), model = MatchKey.Of(search.Model) });
        var where = "c.make_key = @make AND c.model_key = @model AND i.quality_issues = 0";
        if (search.Year is { } year)
        {
            parameters.Add("year", year);
            where += " AND (c.year_from IS NULL OR @year BETWEEN c.year_from AND c.year_to)";
        }

        if (MatchKey.Of(search.Trim) is { Length: > 0 } trim)
        {
            parameters.Add("trim", trim);
            where += " AND c.trim_key = @trim";
        }

        return _database.RunAsync(async connection =>
        {
            var rows = await connection.QueryAsync<SummaryRow>(new CommandDefinition(
                $"SELECT {string.Join(", ", ConfigurationColumns.Split(", ").Select(c => "c." + c))}, i.view AS image_view, i.colour AS image_colour " +
                $"FROM configurations c JOIN images i ON i.configuration_id = c.id WHERE {where} GROUP BY c.id, i.view, i.colour",
                parameters, cancellationToken: cancellationToken));
            return ConfigurationSummaries.Of(rows.Select(r => r.ToCoverage()), search);
        }, cancellationToken);
    }

    public Task<IReadOnlyList<VehicleImage>> FindByConfigurationAsync(Guid configuration, IReadOnlyCollection<View> views, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(views);
        return QueryImagesAsync(
            $"SELECT {ImageColumns} FROM images WHERE configuration_id = @configuration AND quality_issues = 0 AND view = ANY(@views) ORDER BY id",
            new { configuration, views = views.Select(v => (short)v).ToArray() }, cancellationToken);
    }

    public Task<IReadOnlyList<VehicleImage>> FindByRegistrationAsync(string registration, CancellationToken cancellationToken) =>
        QueryImagesAsync(
            $"SELECT {ImageColumns} FROM images WHERE registration = @registration ORDER BY id",
            new { registration = Registrations.Normalise(registration) }, cancellationToken);

    public Task<IReadOnlyList<ImageMatch>> SearchAsync(ImageSearch search, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(search);
        return _database.RunAsync<IReadOnlyList<ImageMatch>>(async connection =>
            [.. (await connection.QueryAsync<MatchRow>(PostgresSearch.Command(search, ImageColumns, cancellationToken))).Select(row => row.ToMatch())],
            cancellationToken);
    }

    // Streamed row by row: at a million images the whole list would be tens of megabytes held twice.
    public IAsyncEnumerable<(ImageId Id, ulong Hash)> PerceptualHashesAsync(CancellationToken cancellationToken) =>
        _database.StreamAsync("SELECT id, phash FROM images", reader => (new ImageId(reader.GetInt64(0)), unchecked((ulong)reader.GetInt64(1))), cancellationToken);

    public Task<CatalogCounts> CountAsync(CancellationToken cancellationToken) =>
        _database.RunAsync(connection => connection.QuerySingleAsync<CatalogCounts>(new CommandDefinition(
            "SELECT (SELECT COUNT(*) FROM configurations) AS Configurations, COUNT(*) AS Images, " +
            "COUNT(*) FILTER (WHERE quality_issues = 0) AS GoodImages FROM images",
            cancellationToken: cancellationToken)),
            cancellationToken);

    public Task PingAsync(CancellationToken cancellationToken) =>
        _database.RunAsync(connection => connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM schema_migrations", cancellationToken: cancellationToken)),
            cancellationToken);

    private Task<IReadOnlyList<VehicleImage>> QueryImagesAsync(string sql, object parameters, CancellationToken cancellationToken) =>
        _database.RunAsync<IReadOnlyList<VehicleImage>>(async connection =>
            [.. (await connection.QueryAsync<ImageRow>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken))).Select(row => row.ToDomain())],
            cancellationToken);

    // A batch costs a few round trips, not two per image: configurations in one statement, images in another, each fed
    // from arrays. Rows go in ID order, so two processes adding overlapping batches take their row locks in the same
    // order and one waits for the other instead of deadlocking.
    private static async Task<IReadOnlyList<bool>> AddBatchAsync(NpgsqlConnection connection, IReadOnlyList<CatalogEntry> entries, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var configurations = entries.Select(e => e.Configuration).DistinctBy(c => c.Id).Select(ConfigurationRow.From).ToArray();
        await connection.ExecuteAsync(new CommandDefinition(
            $"INSERT INTO configurations ({ConfigurationColumns}) " +
            "SELECT * FROM unnest(@ids, @makes, @models, @trims, @bodies, @yearsFrom, @yearsTo, @makeKeys, @modelKeys, @trimKeys) ORDER BY 1 " +
            "ON CONFLICT (id) DO NOTHING",
            ConfigurationRow.Columns(configurations), transaction, cancellationToken: cancellationToken));

        // The first entry of an image in the batch is the one that may be added; a repeat within the batch is
        // reported as already catalogued, as the contract says.
        var firsts = Enumerable.Range(0, entries.Count).DistinctBy(i => entries[i].Image.Id).ToArray();
        var rows = firsts.Select(i => ImageRow.From(entries[i].Image)).ToArray();

        // A conflict on the ID or the content hash means the content is already catalogued (by an earlier batch, or
        // by another process that committed first): skipped. RETURNING names the images this statement added.
        var inserted = (await connection.QueryAsync<long>(new CommandDefinition(
            $"INSERT INTO images ({ImageColumns}) SELECT * FROM unnest({ImageArrays}) ORDER BY 1 ON CONFLICT DO NOTHING RETURNING id",
            ImageRow.Columns(rows), transaction, cancellationToken: cancellationToken))).ToHashSet();

        var skipped = rows.Where(r => !inserted.Contains(r.Id)).ToArray();
        if (skipped.Length > 0)
        {
            await ThrowOnIdCollisionAsync(connection, skipped, transaction, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        var added = new bool[entries.Count];
        foreach (var i in firsts)
        {
            added[i] = inserted.Contains(entries[i].Image.Id.Value);
        }

        return added;
    }

    private static async Task ThrowOnIdCollisionAsync(NpgsqlConnection connection, ImageRow[] skipped, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        // The ID is 64 bits of the SHA-256: a clash between different contents is astronomically unlikely, but if
        // it happens the second image must be refused loudly, never merged into the first.
        var existing = (await connection.QueryAsync<(long Id, byte[] Sha256)>(new CommandDefinition(
            "SELECT id, sha256 FROM images WHERE id = ANY(@ids)", new { ids = skipped.Select(r => r.Id).ToArray() }, transaction, cancellationToken: cancellationToken)))
            .ToDictionary(r => r.Id, r => r.Sha256);
        foreach (var row in skipped)
        {
            if (existing.TryGetValue(row.Id, out var sha256) && !sha256.AsSpan().SequenceEqual(row.Sha256))
            {
                throw new InvalidOperationException($"Image ID {new ImageId(row.Id)} already belongs to different content.");
            }
        }
    }
}
