using System.Runtime.CompilerServices;
using Dapper;
using VehicleImages.Domain.Colours;
using VehicleImages.Domain.Images;
using VehicleImages.Domain.Search;
using VehicleImages.Domain.Text;
using VehicleImages.Domain.Vehicles;
using VehicleImages.Storage.Sqlite;

namespace VehicleImages.Storage.Catalog.Sqlite;

/// <summary>The catalog in one SQLite file: the default for a single machine.</summary>
public sealed class SqliteCatalog : ICatalog, ICatalogVersion
{
    /// <summary>The images table's columns in <see cref="ImageRow"/> order; curation reads the same rows.</summary>
    internal const string ImageColumns =
        "id, sha256, configuration_id, view, photo_type, colour_name, colour, source, provenance, vin, sequence, registration, " +
        "license, license_note, attribution, context_link, date_published, format, width, height, byte_size, has_alpha, " +
        "accent_colour, phash, quality_issues, duplicate_of, renditions, ingested_at, " +
        "view_source, photo_type_source, colour_source, verdict_source, vision_models, vision_content, vision_vehicle_score, " +
        "vision_view, vision_view_score, vision_colour, vision_colour_hex, vision_colour_score, vision_scores";

    private const string ImageParameters =
        "@Id, @Sha256, @ConfigurationId, @View, @PhotoType, @ColourName, @Colour, @Source, @Provenance, @Vin, @Sequence, @Registration, " +
        "@License, @LicenseNote, @Attribution, @ContextLink, @DatePublished, @Format, @Width, @Height, @ByteSize, @HasAlpha, " +
        "@AccentColour, @Phash, @QualityIssues, @DuplicateOf, @Renditions, @IngestedAt, " +
        "@ViewSource, @PhotoTypeSource, @ColourSource, @VerdictSource, @VisionModels, @VisionContent, @VisionVehicleScore, " +
        "@VisionView, @VisionViewScore, @VisionColour, @VisionColourHex, @VisionColourScore, @VisionScores";

    private const string ConfigurationColumns = "id, make, model, trim, body, year_from, year_to, make_key, model_key, trim_key";

    private readonly SqliteConnections _connections;

    // One connection kept open for reading the version, so that a read costs a statement, not a connection.
    private readonly Lock _versionGate = new();
    private Microsoft.Data.Sqlite.SqliteConnection? _versionConnection;

    private SqliteCatalog(SqliteConnections connections) => _connections = connections;

    /// <summary>Opens (creating if needed) the catalog file and brings its schema up to date.</summary>
    public static async Task<SqliteCatalog> OpenAsync(string path, CancellationToken cancellationToken) =>
        new(await SqliteDatabase.OpenAsync(path, cancellationToken));

    public async Task<IReadOnlyList<bool>> AddAsync(IReadOnlyList<CatalogEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        await using var connection = await _connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var added = new bool[entries.Count];
        for (var i = 0; i < entries.Count; i++)
        {
            var (configuration, image) = entries[i];
            if (image.ConfigurationId != configuration.Id)
            {
                throw new ArgumentException($"Image {image.Id} names configuration {image.ConfigurationId}, not {configuration.Id}.", nameof(entries));
            }

            await connection.ExecuteAsync(new CommandDefinition(
                $"INSERT OR IGNORE INTO configurations ({ConfigurationColumns}) VALUES (@Id, @Make, @Model, @Trim, @Body, @YearFrom, @YearTo, @MakeKey, @ModelKey, @TrimKey)",
                ConfigurationRow.From(configuration), transaction, cancellationToken: cancellationToken));

            var row = ImageRow.From(image);
            added[i] = await connection.ExecuteAsync(new CommandDefinition(
                $"INSERT OR IGNORE INTO images ({ImageColumns}) VALUES ({ImageParameters})",
                row, transaction, cancellationToken: cancellationToken)) == 1;

            if (!added[i])
            {
                await ThrowOnIdCollisionAsync(connection, row, transaction, cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return added;
    }

    public async Task<bool> ContainsAsync(ContentHash hash, CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM images WHERE sha256 = @sha", new { sha = Convert.FromHexString(hash.Hex) }, cancellationToken: cancellationToken)) > 0;
    }

    public async Task<VehicleImage?> FindImageAsync(ImageId id, CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<ImageRow>(new CommandDefinition(
            $"SELECT {ImageColumns} FROM images WHERE id = @id", new { id = id.Value }, cancellationToken: cancellationToken));
        return row?.ToDomain();
    }

    public async Task<VehicleConfiguration?> FindConfigurationAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<ConfigurationRow>(new CommandDefinition(
            $"SELECT {ConfigurationColumns} FROM configurations WHERE id = @id", new { id = id.ToString() }, cancellationToken: cancellationToken));
        return row?.ToDomain();
    }

    public async Task<IReadOnlyList<VehicleImage>> FindByVinAsync(string vin, CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<ImageRow>(new CommandDefinition(
            $"SELECT {ImageColumns} FROM images WHERE vin = @vin " +
            "ORDER BY source, sequence IS NULL, sequence, CASE WHEN photo_type = 0 THEN 0 ELSE 1 END, id",
            new { vin }, cancellationToken: cancellationToken));
        return [.. rows.Select(row => row.ToDomain())];
    }

    public async Task<IReadOnlyList<ConfigurationSummary>> SummariseAsync(ConfigurationSearch search, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(search);
        await using var connection = await _connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<SummaryRow>(new CommandDefinition(
            $"SELECT {string.Join(", ", ConfigurationColumns.Split(", ").Select(c => "c." + c))}, i.view AS image_view, i.colour AS image_colour " +
            "FROM configurations c JOIN images i ON i.configuration_id = c.id " +
            "WHERE c.make_key = @make AND c.model_key = @model AND i.quality_issues = 0 " +
            "AND (@year IS NULL OR c.year_from IS NULL OR @year BETWEEN c.year_from AND c.year_to) " +
            "AND (@trim IS NULL OR c.trim_key = @trim) " +
            "GROUP BY c.id, i.view, i.colour",
            new { make = MatchKey.Of(search.Make), model = MatchKey.Of(search.Model), year = search.Year, trim = Blank(MatchKey.Of(search.Trim)) },
            cancellationToken: cancellationToken));

        return ConfigurationSummaries.Of(rows.Select(r => new ConfigurationCoverage(r.ToDomain(), (View)r.ImageView, (GenericColour?)r.ImageColour)), search);
    }

    public async Task<IReadOnlyList<VehicleImage>> FindByConfigurationAsync(Guid configuration, IReadOnlyCollection<View> views, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(views);
        await using var connection = await _connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<ImageRow>(new CommandDefinition(
            $"SELECT {ImageColumns} FROM images WHERE configuration_id = @configuration AND quality_issues = 0 AND view IN @views ORDER BY id",
            new { configuration = configuration.ToString(), views = views.Select(v => (long)v).ToArray() }, cancellationToken: cancellationToken));
        return [.. rows.Select(row => row.ToDomain())];
    }

    public async Task<IReadOnlyList<VehicleImage>> FindByRegistrationAsync(string registration, CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<ImageRow>(new CommandDefinition(
            $"SELECT {ImageColumns} FROM images WHERE registration = @registration ORDER BY id",
            new { registration = Registrations.Normalise(registration) }, cancellationToken: cancellationToken));
        return [.. rows.Select(row => row.ToDomain())];
    }

    public async Task<IReadOnlyList<ImageMatch>> SearchAsync(ImageSearch search, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(search);
        await using var connection = await _connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<MatchRow>(SqliteSearch.Command(search, ImageColumns, cancellationToken));
        return [.. rows.Select(row => row.ToMatch())];
    }

    public async IAsyncEnumerable<(ImageId Id, ulong Hash)> PerceptualHashesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, phash FROM images";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return (new ImageId(reader.GetInt64(0)), unchecked((ulong)reader.GetInt64(1)));
        }
    }

    public async Task<CatalogCounts> CountAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleAsync<CatalogCounts>(new CommandDefinition(
            "SELECT (SELECT COUNT(*) FROM configurations) AS Configurations, (SELECT COUNT(*) FROM images) AS Images, " +
            "(SELECT COUNT(*) FROM images WHERE quality_issues = 0) AS GoodImages",
            cancellationToken: cancellationToken));
    }

    public async Task PingAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM schema_migrations", cancellationToken: cancellationToken));
    }

    /// <summary>The catalog_version row, which triggers move with every change to images or configurations; a few microseconds.</summary>
    public long Read()
    {
        lock (_versionGate)
        {
            _versionConnection ??= _connections.OpenUnpooled();
            using var command = _versionConnection.CreateCommand();
            command.CommandText = "SELECT version FROM catalog_version";
            return (long)command.ExecuteScalar()!;
        }
    }

    private static string? Blank(string key) => key.Length == 0 ? null : key;

    private static async Task ThrowOnIdCollisionAsync(
        Microsoft.Data.Sqlite.SqliteConnection connection, ImageRow row, System.Data.Common.DbTransaction transaction, CancellationToken cancellationToken)
    {
        // The ID is 64 bits of the SHA-256: a clash between different contents is astronomically unlikely, but if
        // it happens the second image must be refused loudly, never merged into the first.
        var existing = await connection.ExecuteScalarAsync<byte[]?>(new CommandDefinition(
            "SELECT sha256 FROM images WHERE id = @Id", row, transaction, cancellationToken: cancellationToken));
        if (existing is not null && !existing.AsSpan().SequenceEqual(row.Sha256))
        {
            throw new InvalidOperationException($"Image ID {new ImageId(row.Id)} already belongs to different content.");
        }
    }
}
