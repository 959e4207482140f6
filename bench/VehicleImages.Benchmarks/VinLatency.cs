using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;
using VehicleImages.Application.Vins;
using VehicleImages.Benchmarks.Common;
using VehicleImages.Domain.Vins;
using VehicleImages.Storage.Vpic;

namespace VehicleImages.Benchmarks;

/// <summary>
/// `vin-latency --vpic FILE`: VIN decode latency from the vPIC file with the decode cache cold. Every VIN is decoded
/// by a new <see cref="VinDecoder"/> (so its cache by squish VIN never answers), in three states, alternating rounds:
/// <list type="bullet">
/// <item>warm connection: the pooled SQLite connection and its page cache stay from the previous decode;</item>
/// <item>new connection: the pool is cleared before each decode, so SQLite opens the file and starts with an empty
/// page cache (what the first decode after start-up, or after the pool drops an idle connection, pays);</item>
/// <item>cold file: as "new connection", and the file's pages are also dropped from the OS page cache
/// (posix_fadvise DONTNEED) before each decode, so every page the decode needs is read from disk.</item>
/// </list>
/// The VINs: real ones (the issue's examples, the test suite's table, the corpus manifest) and valid VINs generated
/// for common WMIs from vPIC's own model patterns (each model year 2005–2024 the WMI has schemas for; check digit
/// computed), so they decode to real makes and models.
/// </summary>
internal static class VinLatency
{
    private static readonly string[] RealVins =
    [
        "1FTEW1C52PFA86825", "SADCM2FV6KA360455", "1HGCM82633A123456", "1M8GDM9AXKP042788", "5YJSA1E26HF199740",
        "JHMCM56557C404453", "WVWZZZ1JZXW000001",
    ];

    private static readonly string[] CommonWmis =
    [
        "1FT", "1FA", "1FM", "1G1", "1GC", "1GN", "1C4", "1C6", "2C3", "1HG", "2HG", "5FN", "19X", "1N4", "3N1", "JN1",
        "4T1", "5TD", "JTD", "2T1", "3VW", "1VW", "WVW", "WBA", "WDD", "WAU", "KMH", "5NP", "KNA", "5YJ", "SAL", "SAD",
        "YV1", "JM1", "JF1", "4S3",
    ];

    private const string VinCharacters = "0123456789ABCDEFGHJKLMNPRSTUVWXYZ";
    private const string YearCodes = "ABCDEFGHJKLMNPRSTVWXY123456789";

    private enum State
    {
        WarmConnection,
        NewConnection,
        ColdFile,
    }

    public static async Task<int> RunAsync(CommandLine options)
    {
        var path = options.Required("--vpic");
        var rounds = options.Int("--rounds", 3);
        var perWmi = options.Int("--per-wmi", 12);
        var target = options.Double("--target-ms", 20);
        var vpic = await VpicDecoder.OpenAsync(path, CancellationToken.None) ?? throw new InvalidOperationException($"No vPIC file at {path}.");

        var corpusVins = options.Optional("--manifest") is { } manifest && File.Exists(manifest)
            ? System.Text.RegularExpressions.Regex.Matches(await File.ReadAllTextAsync(manifest), @"\b[A-HJ-NPR-Z0-9]{17}\b").Select(m => m.Value)
            : [];
        var real = RealVins.Concat(corpusVins).Distinct(StringComparer.Ordinal).Select(Vin.Parse).ToList();
        var generated = Generate(path, perWmi, new Random(options.Int("--seed", 1)));
        var vins = real.Concat(generated).ToList();
        Console.Error.WriteLine($"vin-latency: {real.Count} real VINs, {generated.Count} generated for {CommonWmis.Length} WMIs; {rounds} rounds × 3 states");

        // Warm-up (JIT, Dapper's caches); not counted.
        foreach (var vin in vins.Take(20))
        {
            await new VinDecoder(vpic).DecodeAsync(vin, CancellationToken.None);
        }

        var latencies = Enum.GetValues<State>().ToDictionary(s => s, _ => new List<double>());
        var cpu = Enum.GetValues<State>().ToDictionary(s => s, _ => new List<double>());
        var decoded = new Dictionary<string, VinDecoding>(StringComparer.Ordinal);
        var byVin = Enum.GetValues<State>().ToDictionary(s => s, _ => new Dictionary<string, List<double>>(StringComparer.Ordinal));
        for (var round = 1; round <= rounds; round++)
        {
            foreach (var state in Enum.GetValues<State>())
            {
                await QuietMachine.WaitAsync();
                foreach (var vin in vins)
                {
                    if (state != State.WarmConnection)
                    {
                        VehicleImages.Storage.StorageFactory.CloseSqliteConnections();
                    }

                    if (state == State.ColdFile)
                    {
                        DropFromPageCache(path);
                    }

                    var decoder = new VinDecoder(vpic);
                    var thread = Environment.CurrentManagedThreadId;
                    var cpuStarted = ThreadCpu.Milliseconds();
                    var started = Stopwatch.GetTimestamp();
                    decoded[vin.Value] = await decoder.DecodeAsync(vin, CancellationToken.None);
                    var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;

                    // SQLite's async calls complete synchronously, so the decode ran on this thread: its CPU time is
                    // the work itself, without the waits for a core that other processes cause.
                    if (Environment.CurrentManagedThreadId == thread)
                    {
                        cpu[state].Add(ThreadCpu.Milliseconds() - cpuStarted);
                    }

                    latencies[state].Add(elapsed);
                    if (!byVin[state].TryGetValue(vin.Value, out var mine))
                    {
                        byVin[state][vin.Value] = mine = [];
                    }

                    mine.Add(elapsed);
                }

                var list = latencies[state].TakeLast(vins.Count).ToList();
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  round {round} {state}: p50 {Stats.Percentile(list, 50):0.00} ms, p99 {Stats.Percentile(list, 99):0.00} ms, max {list.Max():0.00} ms"));
            }
        }

        var withModel = decoded.Values.Count(d => d.Model is not null);
        var withMake = decoded.Values.Count(d => d.Make is not null);
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"VIN decode latency, decode cache cold ({vins.Count} VINs: {real.Count} real, {generated.Count} generated for {CommonWmis.Length} common WMIs; {rounds} rounds per state; {withMake} decoded a make, {withModel} a model)"));
        Console.WriteLine();
        Console.WriteLine("| state | decodes | p50 | p90 | p99 | max | mean | CPU p50 | CPU p99 | CPU max |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var (state, list) in latencies)
        {
            var work = cpu[state];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {Describe(state)} | {list.Count} | {Stats.Percentile(list, 50):0.00} ms | {Stats.Percentile(list, 90):0.00} ms | **{Stats.Percentile(list, 99):0.00} ms** | {list.Max():0.00} ms | {list.Average():0.00} ms | " +
                $"{Stats.Percentile(work, 50):0.00} ms | {Stats.Percentile(work, 99):0.00} ms | {(work.Count > 0 ? work.Max() : double.NaN):0.00} ms |"));
        }

        Console.WriteLine();
        Console.WriteLine("Wall-clock columns are what a caller waits; CPU columns are the decoding thread's own CPU time (clock_gettime " +
            "CLOCK_THREAD_CPUTIME_ID), which waits for a busy core, and for the disk, do not count.");

        Console.WriteLine();
        foreach (var (state, list) in latencies)
        {
            var p99 = Stats.Percentile(list, 99);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{Describe(state)}: p99 {p99:0.00} ms; target < {target:0} ms: **{(p99 < target ? "met" : "not met")}**"));
        }

        // Slow every round means the VIN is costly to decode; slow in one round only means the machine was busy.
        Console.WriteLine();
        Console.WriteLine("Slowest VINs by their median over rounds (new connection per decode): " + string.Join("; ", byVin[State.NewConnection]
            .OrderByDescending(v => Stats.Median(v.Value)).Take(5)
            .Select(v => string.Create(CultureInfo.InvariantCulture, $"{v.Key} ({decoded[v.Key].Make} {decoded[v.Key].Model}) {Stats.Median(v.Value):0.0} ms [{string.Join(", ", v.Value.Select(x => x.ToString("0.0", CultureInfo.InvariantCulture)))}]"))));
        Console.WriteLine();
        Console.WriteLine("Examples: " + string.Join("; ", real.Take(3).Select(v => decoded[v.Value]).Select(d =>
            $"{d.Vin.Value} → {d.ModelYear} {d.Make} {d.Model}{(d.Trim is null ? "" : " " + d.Trim)}")));
        if (QuietMachine.BusyStarts > 0)
        {
            Console.WriteLine($"({QuietMachine.BusyStarts} of {3 * rounds} rounds started while other work kept the machine busy.)");
        }

        return 0;
    }

    private static string Describe(State state) => state switch
    {
        State.WarmConnection => "pooled connection (page cache warm)",
        State.NewConnection => "new connection per decode (empty SQLite page cache)",
        _ => "new connection + file evicted from the OS page cache",
    };

    // Valid VINs from the WMI's own model patterns: a pattern fills positions 4–8 and 10–17 as far as it reaches,
    // the rest is random, position 10 is the model year, position 7 follows the year cycle, position 9 is the check
    // digit.
    private static List<Vin> Generate(string path, int perWmi, Random random)
    {
        var vins = new List<Vin>();
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        foreach (var wmi in CommonWmis)
        {
            using var command = connection.CreateCommand();
            command.CommandText =
                "SELECT DISTINCT p.Keys, s.YearFrom, COALESCE(s.YearTo, 2025) FROM Wmi w JOIN Wmi_VinSchema s ON s.WmiId = w.Id " +
                "JOIN Pattern p ON p.VinSchemaId = s.VinSchemaId WHERE w.Wmi = @wmi AND p.ElementId = 28 AND s.YearFrom <= 2024 AND COALESCE(s.YearTo, 2025) >= 2005";
            command.Parameters.AddWithValue("@wmi", wmi);
            var patterns = new List<(string Keys, int From, int To)>();
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    patterns.Add((reader.GetString(0), reader.GetInt32(1), reader.GetInt32(2)));
                }
            }

            for (var made = 0; made < perWmi && patterns.Count > 0; made++)
            {
                var (keys, from, to) = patterns[random.Next(patterns.Count)];
                var year = random.Next(Math.Max(from, 2005), Math.Min(to, 2024) + 1);
                if (Instantiate(wmi, keys, year, random) is { } vin)
                {
                    vins.Add(vin);
                }
            }
        }

        return vins;
    }

    private static Vin? Instantiate(string wmi, string keys, int year, Random random)
    {
        var chars = new char[17];
        wmi.CopyTo(0, chars, 0, 3);
        for (var i = 3; i < 17; i++)
        {
            chars[i] = VinCharacters[random.Next(VinCharacters.Length)];
        }

        // Pattern position p covers VIN positions 4–8 ('|' skips 9) then 10–17.
        var position = 3;
        for (var p = 0; p < keys.Length && position < 17; p++)
        {
            var c = keys[p];
            if (c == '|')
            {
                position = 9;
                continue;
            }

            if (c == '[')
            {
                var end = keys.IndexOf(']', p + 1);
                var set = Expand(keys[(p + 1)..end]);
                chars[position] = set.Length == 0 ? 'A' : set[random.Next(set.Length)];
                p = end;
            }
            else if (c != '*')
            {
                chars[position] = c;
            }

            position++;
        }

        chars[9] = YearCodes[(year - 1980) % 30];
        var letterCycle = year >= 2010;
        if (char.IsAsciiLetter(chars[6]) != letterCycle)
        {
            chars[6] = letterCycle ? "ABCDEFGHJKLMNPRSTUVWXYZ"[random.Next(23)] : (char)('0' + random.Next(10));
        }

        var text = new string(chars);
        if (!text.All(Vin.IsVinCharacter))
        {
            return null;
        }

        chars[8] = VinCheckDigit.Compute(text);
        return Vin.TryParse(new string(chars), out var vin, out _) ? vin : null;
    }

    private static string Expand(string set)
    {
        var result = new System.Text.StringBuilder();
        for (var i = 0; i < set.Length; i++)
        {
            if (i + 2 < set.Length && set[i + 1] == '-')
            {
                for (var c = set[i]; c <= set[i + 2]; c++)
                {
                    result.Append(c);
                }

                i += 2;
            }
            else
            {
                result.Append(set[i]);
            }
        }

        return new string(result.ToString().Where(Vin.IsVinCharacter).ToArray());
    }

    private static void DropFromPageCache(string path)
    {
        using var file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        _ = PosixFadvise((int)file.DangerousGetHandle(), 0, 0, 4); // POSIX_FADV_DONTNEED
    }

    [DllImport("libc", EntryPoint = "posix_fadvise")]
    private static extern int PosixFadvise(int fd, long offset, long length, int advice);
}
