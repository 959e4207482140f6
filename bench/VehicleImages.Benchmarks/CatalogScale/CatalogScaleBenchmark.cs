using System.Diagnostics;
using System.Globalization;
using Npgsql;
using VehicleImages.Domain.Search;
using VehicleImages.Storage;
using VehicleImages.Storage.Catalog;

namespace VehicleImages.Benchmarks.CatalogScale;

/// <summary>
/// `catalog-scale`: lookup latency of the /images search (as the CarsXE family runs it) and of the configuration
/// summaries (OneAuto's imagesearch) on PostgreSQL and on SQLite, side by side in one process, as one generated
/// library grows through the sizes asked for. Both catalogs hold the same images; at each size the same queries run
/// against each, alternating rounds so machine noise falls on both alike.
/// </summary>
internal static class CatalogScaleBenchmark
{
    private const int BatchSize = 2_000;

    public static async Task<int> RunAsync(string[] args)
    {
        if (!TryParse(args, out var postgres, out var sizes, out var queries, out var rounds))
        {
            Console.Error.WriteLine("usage: benchmarks catalog-scale --postgres NPGSQL_KEYWORDS [--sizes 10000,100000,1000000] [--queries 1000] [--rounds 3]");
            return 2;
        }

        var folder = Path.Combine(Path.GetTempPath(), $"vi-bench-scale-{Guid.NewGuid():N}");
        try
        {
            var sqlite = await StorageFactory.OpenCatalogAsync(new StorageOptions { DataDirectory = folder }, CancellationToken.None);
            var postgresCatalog = await StorageFactory.OpenCatalogAsync(new StorageOptions { DataDirectory = folder, Catalog = postgres }, CancellationToken.None);
            var backends = new[] { new Backend("SQLite", sqlite, () => Task.CompletedTask), new Backend("PostgreSQL", postgresCatalog, () => VacuumAsync(postgres)) };
            var library = new ScaleLibrary();
            var mix = library.Searches(queries, seed: 7);
            var popular = Enumerable.Repeat(library.PopularSearch(), Math.Max(queries / 10, 50)).ToList();
            var summaries = mix.Select(s => new ConfigurationSearch(s.Make, s.Model, s.Year)).ToList();

            Console.WriteLine($"# catalog-scale: {ScaleLibrary.Makes * ScaleLibrary.ModelsPerMake} models (Zipf popularity), {queries} mixed /images searches, {popular.Count} for the most popular model, {rounds} rounds per size");
            Console.WriteLine();
            Console.WriteLine("| images | query | SQLite p50 | SQLite p99 | PostgreSQL p50 | PostgreSQL p99 | PostgreSQL ÷ SQLite (p50) |");
            Console.WriteLine("|---:|---|---:|---:|---:|---:|---:|");
            var loaded = 0;
            foreach (var size in sizes)
            {
                // Side by side on their own threads: SQLite's calls complete synchronously and would otherwise run its whole load
                // before PostgreSQL's began.
                var loadTimes = await Task.WhenAll(backends.Select(b => Task.Run(() => LoadAsync(b, library, loaded, size))));
                loaded = size;
                var counts = await Task.WhenAll(backends.Select(b => b.Catalog.CountAsync(CancellationToken.None)));
                Console.Error.WriteLine(string.Join(", ", backends.Select((b, i) => $"{b.Name}: {counts[i].Images} images, loaded in {loadTimes[i].TotalSeconds:0} s")));

                Report(size, "/images mix", await CompareAsync(backends, rounds, mix, (c, q) => c.SearchAsync(q, CancellationToken.None)));
                Report(size, "/images popular model", await CompareAsync(backends, rounds, popular, (c, q) => c.SearchAsync(q, CancellationToken.None)));
                Report(size, "summaries mix", await CompareAsync(backends, rounds, summaries, (c, q) => c.SummariseAsync(q, CancellationToken.None)));
            }

            return 0;
        }
        finally
        {
            VehicleImages.Storage.StorageFactory.CloseSqliteConnections();
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static async Task<TimeSpan> LoadAsync(Backend backend, ScaleLibrary library, int from, int to)
    {
        var clock = Stopwatch.StartNew();
        foreach (var batch in library.Batches(from, to, BatchSize))
        {
            await backend.Catalog.AddAsync(batch, CancellationToken.None);
        }

        await backend.AfterLoadAsync();
        return clock.Elapsed;
    }

    // What autovacuum does to an insert-only table some time after a bulk load: statistics for the planner and the
    // visibility map that lets index-only scans skip the table. Measuring before it ran would measure the load.
    private static async Task VacuumAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("VACUUM (ANALYZE) configurations, images", connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Per backend, every latency of every counted round, in milliseconds.</summary>
    private static async Task<Dictionary<string, List<double>>> CompareAsync<T, TResult>(
        Backend[] backends, int rounds, List<T> queries, Func<ICatalog, T, Task<TResult>> run)
    {
        var latencies = backends.ToDictionary(b => b.Name, _ => new List<double>());

        // One uncounted pass each: JIT, plan caches and the page cache warm up outside the figures.
        foreach (var backend in backends)
        {
            foreach (var query in queries.Take(100))
            {
                await run(backend.Catalog, query);
            }
        }

        for (var round = 0; round < rounds; round++)
        {
            foreach (var backend in round % 2 == 0 ? backends : backends.Reverse())
            {
                foreach (var query in queries)
                {
                    var start = Stopwatch.GetTimestamp();
                    await run(backend.Catalog, query);
                    latencies[backend.Name].Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                }
            }
        }

        return latencies;
    }

    private static void Report(int size, string query, Dictionary<string, List<double>> latencies)
    {
        var (sqlite, postgres) = (latencies["SQLite"], latencies["PostgreSQL"]);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {size:N0} | {query} | {Percentile(sqlite, 50):0.00} ms | {Percentile(sqlite, 99):0.00} ms | {Percentile(postgres, 50):0.00} ms | {Percentile(postgres, 99):0.00} ms | {Percentile(postgres, 50) / Percentile(sqlite, 50):0.00}× |"));
    }

    private static double Percentile(List<double> values, int percent)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(percent / 100.0 * sorted.Count) - 1)];
    }

    private static bool TryParse(string[] args, out string postgres, out int[] sizes, out int queries, out int rounds)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            options[args[i]] = args[i + 1];
        }

        postgres = options.GetValueOrDefault("--postgres", "");
        sizes = [.. options.GetValueOrDefault("--sizes", "10000,100000,1000000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture))];
        queries = int.Parse(options.GetValueOrDefault("--queries", "1000"), CultureInfo.InvariantCulture);
        rounds = int.Parse(options.GetValueOrDefault("--rounds", "3"), CultureInfo.InvariantCulture);
        return postgres.Contains("Host=", StringComparison.OrdinalIgnoreCase) && args.Length % 2 == 0 && sizes.SequenceEqual(sizes.Order());
    }

    private sealed record Backend(string Name, ICatalog Catalog, Func<Task> AfterLoadAsync);
}
