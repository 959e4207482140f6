using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Web;
using Microsoft.Data.Sqlite;
using VehicleImages.Application.Media;
using VehicleImages.Application.Renditions;
using VehicleImages.Benchmarks.Common;
using VehicleImages.Domain.Images;
using VehicleImages.Domain.Renditions;
using VehicleImages.Domain.Search;
using VehicleImages.Domain.Text;
using VehicleImages.Imaging;
using VehicleImages.Storage;

namespace VehicleImages.Benchmarks;

/// <summary>
/// `api-breakdown --data DIR --pairs FILE`: where the time of one /images request goes, one thread, no HTTP: the
/// catalog search as the endpoint calls it, its SQL alone (and two variants of it, as evidence for optimisations),
/// the connection set-up each catalog call pays, the links of the answer, and the JSON. Explains bench/api; the
/// SQL text mirrors SqliteSearch for the parameters /images sends by default (exterior, validate=true,
/// transparent=true).
/// </summary>
internal static class ApiBreakdown
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    private const string Columns =
        "i.id, i.sha256, i.configuration_id, i.view, i.photo_type, i.colour_name, i.colour, i.source, i.provenance, i.vin, i.sequence, i.registration, " +
        "i.license, i.license_note, i.attribution, i.context_link, i.date_published, i.format, i.width, i.height, i.byte_size, i.has_alpha, " +
        "i.accent_colour, i.phash, i.quality_issues, i.duplicate_of, i.renditions, i.ingested_at, " +
        "c.make AS cfg_make, c.model AS cfg_model, c.trim AS cfg_trim, c.body AS cfg_body, c.year_from AS cfg_year_from, c.year_to AS cfg_year_to";

    private const string Where = "c.make_key = @make AND c.model_key = @model AND i.photo_type = 0 AND i.quality_issues = 0";

    private static readonly string Order =
        $"i.has_alpha DESC, CASE WHEN i.view IN ({string.Join(", ", ImageRanking.HeroViews.Select(v => (int)v))}) THEN 0 ELSE 1 END, " +
        "CASE WHEN i.quality_issues = 0 THEN 0 ELSE 1 END, i.width * i.height DESC, i.id";

    private static readonly string Sql = $"SELECT {Columns} FROM configurations c JOIN images i ON i.configuration_id = c.id WHERE {Where} ORDER BY {Order} LIMIT 10";

    // Rank from an index that holds every ranking column, then read only the ten rows that won.
    private static readonly string TwoStepSql =
        $"SELECT {Columns} FROM configurations c JOIN images i ON i.configuration_id = c.id WHERE i.id IN " +
        $"(SELECT i.id FROM configurations c JOIN images i ON i.configuration_id = c.id WHERE {Where} ORDER BY {Order} LIMIT 10) ORDER BY {Order}";

    private const string RankingIndex = "CREATE INDEX IF NOT EXISTS bench_images_ranking ON images (configuration_id, photo_type, quality_issues, has_alpha, view, width, height)";

    public static async Task<int> RunAsync(CommandLine options)
    {
        var storage = new StorageOptions { DataDirectory = options.Required("--data") };
        var pairs = (await File.ReadAllLinesAsync(options.Required("--pairs"))).Where(l => l.Length > 0).Select(ParsePair).ToList();
        var passes = options.Int("--passes", 3);
        var catalog = await StorageFactory.OpenCatalogAsync(storage, CancellationToken.None);
        var searches = pairs.Select(p => new ImageSearch { Make = p.Make, Model = p.Model, PreferTransparent = true, GoodOnly = true, Limit = 10 }).ToList();

        var rows = new List<(string Name, double Micros)>();
        async Task Time(string name, Func<int, Task> call)
        {
            for (var i = 0; i < searches.Count; i++)
            {
                await call(i); // warm: JIT, caches
            }

            var best = double.MaxValue;
            for (var pass = 0; pass < passes; pass++)
            {
                var clock = Stopwatch.StartNew();
                for (var i = 0; i < searches.Count; i++)
                {
                    await call(i);
                }

                best = Math.Min(best, clock.Elapsed.TotalMicroseconds / searches.Count);
            }

            rows.Add((name, best));
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"api-breakdown: {name}: {best:0} µs"));
        }

        var matches = new List<ImageMatch>[searches.Count];
        await Time("ICatalog.SearchAsync (pooled connection + PRAGMAs + SQL + Dapper + row → VehicleImage)", async i =>
            matches[i] = [.. await catalog.SearchAsync(searches[i], CancellationToken.None)]);

        var connectionString = new SqliteConnectionStringBuilder { DataSource = storage.CatalogPath, Cache = SqliteCacheMode.Private, Pooling = true }.ToString();
        await Time("  of which: open a pooled connection and run the 4 PRAGMAs (every catalog call)", async _ =>
        {
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync();
            await using var pragmas = connection.CreateCommand();
            pragmas.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000;";
            await pragmas.ExecuteNonQueryAsync();
        });

        await using (var connection = new SqliteConnection(connectionString))
        {
            await connection.OpenAsync();
            await Time("  of which: the SQL alone (one open connection, 2 MB page cache, every column read)", i => StepAsync(connection, Sql, pairs[i]));
            await Time("    of which: preparing the statement (same SQL for a make that matches nothing)", _ => StepAsync(connection, Sql, ("no such make", "no such model")));
        }

        await using (var connection = new SqliteConnection(connectionString))
        {
            await connection.OpenAsync();
            await Execute(connection, "PRAGMA mmap_size = 268435456");
            await Time("  variant: the same SQL with PRAGMA mmap_size = 256 MB (no read() per page)", i => StepAsync(connection, Sql, pairs[i]));
        }

        // On a copy: the index must not change the catalog the server reads.
        var copy = Path.Combine(storage.DataDirectory, "breakdown-copy.db");
        File.Copy(storage.CatalogPath, copy, overwrite: true);
        await using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = copy, Pooling = false }.ToString()))
        {
            await connection.OpenAsync();
            await Execute(connection, RankingIndex);
            await Time("  variant: rank from a covering index, then read the 10 winning rows (copy of the catalog)", i => StepAsync(connection, TwoStepSql, pairs[i]));
        }

        File.Delete(copy);

        var imaging = new ImageProcessor(new ImagingOptions());
        using var gate = new RenderGate(1, 1);
        var links = new ImageLinks(LibraryImages.Links(Convert.ToBase64String(new byte[32])), new RenditionService(StorageFactory.OpenBlobStore(storage), imaging, gate));
        var described = new List<ServedImage>[searches.Count];
        await Time("links: Small + Thumbnail for each image (20 HMAC-SHA256 signatures)", async i =>
        {
            var list = new List<ServedImage>(20);
            foreach (var match in matches[i])
            {
                list.Add(await links.RenditionAsync(match.Image, RenditionSize.Small, CancellationToken.None));
                list.Add(await links.RenditionAsync(match.Image, RenditionSize.Thumbnail, CancellationToken.None));
            }

            described[i] = list;
        });

        await Time("JSON: serialise an answer of the same shape (System.Text.Json, reflection)", i =>
        {
            var images = matches[i].Select((m, k) => new AnswerImage(
                "image/jpeg", "http://127.0.0.1:12345" + described[i][2 * k].Link, m.Image.ContextLink ?? "", described[i][2 * k].Height, described[i][2 * k].Width,
                described[i][2 * k].ByteSize, "http://127.0.0.1:12345" + described[i][2 * k + 1].Link, described[i][2 * k + 1].Height, described[i][2 * k + 1].Width,
                m.Image.Attribution ?? "", m.Image.AccentColour, m.Image.DatePublished?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "")).ToList();
            var answer = new Answer(new Dictionary<string, string> { ["make"] = pairs[i].Make, ["model"] = pairs[i].Model, ["size"] = "Small" }, images, true, "");
            _ = JsonSerializer.SerializeToUtf8Bytes(answer, Json);
            return Task.CompletedTask;
        });

        VehicleImages.Storage.StorageFactory.CloseSqliteConnections();
        Console.WriteLine();
        Console.WriteLine($"Where one /images request's time goes (one thread, no HTTP, {pairs.Count} make/model pairs, best of {passes} passes, µs per request):");
        Console.WriteLine();
        Console.WriteLine("| step | µs per request |");
        Console.WriteLine("|---|---|");
        foreach (var (name, micros) in rows)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {micros:0} |"));
        }

        return 0;
    }

    private static (string Make, string Model) ParsePair(string path)
    {
        var query = HttpUtility.ParseQueryString(path[(path.IndexOf('?', StringComparison.Ordinal) + 1)..]);
        return (query["make"]!, query["model"]!);
    }

    private static async Task StepAsync(SqliteConnection connection, string sql, (string Make, string Model) pair)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("@make", MatchKey.Of(pair.Make));
        command.Parameters.AddWithValue("@model", MatchKey.Of(pair.Model));
        await using var reader = await command.ExecuteReaderAsync();
        var values = new object[reader.FieldCount];
        while (await reader.ReadAsync())
        {
            reader.GetValues(values);
        }
    }

    private static async Task Execute(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private sealed record AnswerImage(
        string Mime, string Link, string ContextLink, int Height, int Width, long ByteSize, string ThumbnailLink, int ThumbnailHeight, int ThumbnailWidth,
        string HostPageDomainFriendlyName, string AccentColor, string DatePublished);

    private sealed record Answer(IReadOnlyDictionary<string, string> Query, IReadOnlyList<AnswerImage> Images, bool Success, string Error);
}
