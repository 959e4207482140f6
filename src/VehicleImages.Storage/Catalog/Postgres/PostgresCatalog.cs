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
    private const string ImageColumns =
        "id, sha256, configuration_id, view, photo_type, colour_name, colour, source, provenance, vin, sequence, registration, " +
        "license, license_note, attribution, context_link, date_published, format, width, height, byte_size, has_alpha, " +
        "accent_colour, phash, quality_issues, duplicate_of, renditions, ingested_at";

    private const string ImageParameters =
        "@Id, @Sha256, @ConfigurationId, @View, @PhotoType, @ColourName, @Colour, @Source, @Provenance, @Vin, @Sequence, @Registration, " +
        "@License, @LicenseNote, @Attribution, @ContextLink, @DatePublished, @Format, @Width, @Height, @ByteSize, @HasAlpha, " +
        "@AccentColour, @Phash, @QualityIssues, @DuplicateOf, @Renditions::jsonb, @IngestedAt";

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
        return _database.RunAsync<IReadOnlyList<bool>>(async connection =>
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var added = new bool[entries.Count];
            for (var i = 0; i < entries.Count; i++)
            {
                var (configuration, image) = entries[i];
                await connection.ExecuteAsync(new CommandDefinition(
                    $"INSERT INTO configurations ({ConfigurationColumns}) VALUES (@Id, @Make, @Model, @Trim, @Body, @YearFrom, @YearTo, @MakeKey, @ModelKey, @TrimKey) " +
                    "ON CONFLICT (id) DO NOTHING",
                    ConfigurationRow.From(configuration), transaction, cancellationToken: cancellationToken));

                // A conflict on the ID or the content hash means the content is already catalogued (by this batch, an
                // earlier one, or another process that committed first): skipped, as the contract says.
                var row = ImageRow.From(image);
                added[i] = await connection.ExecuteAsync(new CommandDefinition(
                    $"INSERT INTO images ({ImageColumns}) VALUES ({ImageParameters}) ON CONFLICT DO NOTHING",
                    row, transaction, cancellationToken: cancellationToken)) == 1;

                if (!added[i])
                {
                    await ThrowOnIdCollisionAsync(connection, row, transaction, cancellationToken);
                }
            }

            await transaction.CommitAsync(cancellationToken);
            return added;
        }, cancellationToken);
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

    private static async Task ThrowOnIdCollisionAsync(NpgsqlConnection connection, ImageRow row, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        // The ID is 64 bits of the SHA-256: a clash between different contents is astronomically unlikely, but if
        // it happens the second image must be refused loudly, never merged into the first.
        var existing = await connection.ExecuteScalarAsync<byte[]?>(new CommandDefinition(
            "SELECT sha256 FROM images WHERE id = @Id", new { row.Id }, transaction, cancellationToken: cancellationToken));
        if (existing is not null && !existing.AsSpan().SequenceEqual(row.Sha256))
        {
            throw new InvalidOperationException($"Image ID {new ImageId(row.Id)} already belongs to different content.");
        }
    }
}
