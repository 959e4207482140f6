using System.Diagnostics;
using System.Globalization;
using VehicleImages.Benchmarks.Common;

namespace VehicleImages.Benchmarks;

/// <summary>
/// `wrk-compare`: HTTP throughput of two servers side by side with wrk, alternating rounds (A, B, A, B, ...) after
/// an uncounted warm-up of each (90 s by default, --warmup), with the same wrk settings for both. Each side gets its own list of request
/// paths, which the Lua script cycles through. Prints medians over rounds, the median of per-round ratios
/// (first side ÷ second) against the target, and each server's peak RSS (VmHWM, summed over its worker processes).
/// </summary>
internal static class WrkComparison
{
    private sealed record Side(string Name, string Url, int Pid, string Paths);

    private sealed record Round(double RequestsPerSecond, double P50Ms, double P99Ms, long Requests, long Errors, long Bytes)
    {
        /// <summary>The server's CPU time (all its processes) over the round, per request answered.</summary>
        public double CpuMsPerRequest { get; init; } = double.NaN;
    }

    public static async Task<int> RunAsync(CommandLine options)
    {
        var sides = options.All("--side").Select(ParseSide).ToList();
        if (sides.Count != 2)
        {
            throw new ArgumentException("Give exactly two --side options: ours first, then the peer.", nameof(options));
        }

        var lua = options.Required("--lua");
        var rounds = options.Int("--rounds", 5);
        var wrkArgs = (options.Optional("--wrk-args") ?? "-t2 -c32 -d10s").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var target = options.Double("--target", 0.5);
        var costTarget = options.Optional("--cost-target") is { } cost ? double.Parse(cost, CultureInfo.InvariantCulture) : (double?)null;
        var clientCpus = options.Optional("--client-cpus");
        var warmup = options.Optional("--warmup") ?? "90s";
        var title = options.Optional("--title") ?? "throughput";

        Console.Error.WriteLine($"wrk-compare: {title}: {string.Join(" vs ", sides.Select(s => s.Name))}, wrk {string.Join(' ', wrkArgs)}, {rounds} rounds after a {warmup} warm-up of each side");
        // Warm-up, uncounted: page cache, connection pools, and above all the JIT. .NET starts every method
        // unoptimised and recompiles the busy ones in the background; on one shared core that took over a minute of
        // load (seen in perf maps), so a short warm-up would measure our server half-compiled against a peer that
        // has a handful of methods to compile.
        var warmupArgs = wrkArgs.Select(a => a.StartsWith("-d", StringComparison.Ordinal) ? "-d" + warmup : a).ToArray();
        foreach (var side in sides)
        {
            await RunWrkAsync(side, lua, warmupArgs, clientCpus);
        }

        var results = sides.ToDictionary(s => s.Name, _ => new List<Round>());
        for (var round = 1; round <= rounds; round++)
        {
            foreach (var side in sides)
            {
                await QuietMachine.WaitAsync();
                var cpuBefore = ProcessMemory.TreeCpuSeconds(side.Pid);
                var result = await RunWrkAsync(side, lua, wrkArgs, clientCpus);
                result = result with { CpuMsPerRequest = (ProcessMemory.TreeCpuSeconds(side.Pid) - cpuBefore) * 1000 / Math.Max(1, result.Requests) };
                results[side.Name].Add(result);
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  round {round} {side.Name}: {result.RequestsPerSecond:0} req/s, p50 {result.P50Ms:0.00} ms, p99 {result.P99Ms:0.00} ms, server CPU {result.CpuMsPerRequest * 1000:0} µs/request, errors {result.Errors}"));
            }
        }

        var ours = results[sides[0].Name];
        var peer = results[sides[1].Name];
        var ratios = ours.Zip(peer, (o, p) => o.RequestsPerSecond / p.RequestsPerSecond).ToList();
        var ratio = Stats.Median(ratios);

        // Work rather than wall time: the peer's CPU per request ÷ ours, per round. When other processes take the
        // cores, requests/s of both sides drops by however much each round was unlucky; CPU per request barely moves.
        var cpuRatios = ours.Zip(peer, (o, p) => p.CpuMsPerRequest / o.CpuMsPerRequest).ToList();

        Console.WriteLine();
        Console.WriteLine($"{title} (wrk {string.Join(' ', wrkArgs)}; {rounds} rounds, medians)");
        Console.WriteLine();
        Console.WriteLine("| server | requests/s | p50 | p99 | server CPU per request | bytes/response | non-2xx or socket errors | peak RSS (VmHWM) |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        foreach (var side in sides)
        {
            var list = results[side.Name];
            var processes = ProcessMemory.ProcessCount(side.Pid);
            var rss = ProcessMemory.PeakRssMiB(side.Pid);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {side.Name} | {Stats.Median(list.Select(r => r.RequestsPerSecond)):0} | {Stats.Median(list.Select(r => r.P50Ms)):0.00} ms | {Stats.Median(list.Select(r => r.P99Ms)):0.00} ms | {Stats.Median(list.Select(r => r.CpuMsPerRequest)) * 1000:0} µs | " +
                $"{list.Sum(r => r.Bytes) / (double)Math.Max(1, list.Sum(r => r.Requests)):0} | {list.Sum(r => r.Errors)} | {rss:0} MiB{(processes > 1 ? $" ({processes} processes)" : "")} |"));
        }

        Console.WriteLine();
        var perRound = string.Join(", ", ratios.Select(r => r.ToString("0.00", CultureInfo.InvariantCulture)));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{sides[0].Name} ÷ {sides[1].Name} requests/s, median of per-round ratios: **{ratio:0.00}×** (rounds: {perRound})"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"By server CPU per request ({sides[1].Name} ÷ {sides[0].Name}, the same ratio measured as work): {Stats.Median(cpuRatios):0.00}× (rounds: {string.Join(", ", cpuRatios.Select(r => r.ToString("0.00", CultureInfo.InvariantCulture)))})"));
        Console.WriteLine(costTarget is { } limit
            ? string.Create(CultureInfo.InvariantCulture,
                $"Cost (1 − ratio): **{1 - ratio:P1}** of throughput, {1 - Stats.Median(cpuRatios):P1} by CPU per request; target < {limit:P0}: **{(1 - ratio < limit ? "met" : "not met")}**")
            : string.Create(CultureInfo.InvariantCulture, $"Target ≥ {target:0.0#}×: **{(ratio >= target ? "met" : "not met")}**"));
        if (QuietMachine.BusyStarts > 0)
        {
            Console.WriteLine($"({QuietMachine.BusyStarts} of {2 * rounds} runs started while other work kept the machine busy.)");
        }

        return ours.Concat(peer).Any(r => r.Errors > 0) ? 3 : 0;
    }

    private static Side ParseSide(string text)
    {
        var fields = text.Split(',').Select(f => f.Split('=', 2)).ToDictionary(f => f[0], f => f.Length > 1 ? f[1] : "", StringComparer.Ordinal);
        return new Side(fields["name"], fields["url"], int.Parse(fields["pid"], CultureInfo.InvariantCulture), fields["paths"]);
    }

    private static async Task<Round> RunWrkAsync(Side side, string lua, string[] wrkArgs, string? clientCpus)
    {
        // Pinned to the client's CPUs (taskset) when given, so wrk never competes with the servers for a core.
        string[] command = clientCpus is null ? ["wrk"] : ["taskset", "-c", clientCpus, "wrk"];
        var start = new ProcessStartInfo(command[0]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in command.Skip(1).Concat(wrkArgs).Concat(["--latency", "-s", lua, side.Url, "--", side.Paths]))
        {
            start.ArgumentList.Add(arg);
        }

        using var wrk = Process.Start(start) ?? throw new InvalidOperationException("wrk did not start.");
        var output = wrk.StandardOutput.ReadToEndAsync();
        var errors = wrk.StandardError.ReadToEndAsync();
        await wrk.WaitForExitAsync();
        var text = await output;
        var line = text.Split('\n').FirstOrDefault(l => l.StartsWith("WRK_RESULT ", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"wrk against {side.Name} gave no result (exit {wrk.ExitCode}):\n{text}\n{await errors}");

        var values = line["WRK_RESULT ".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('='))
            .ToDictionary(pair => pair[0], pair => double.Parse(pair[1], CultureInfo.InvariantCulture), StringComparer.Ordinal);
        var requests = (long)values["requests"];
        var errorCount = (long)(values["connect"] + values["read"] + values["write"] + values["status"] + values["timeout"]);
        return new Round(
            requests / (values["duration_us"] / 1e6),
            values["p50_us"] / 1000,
            values["p99_us"] / 1000,
            requests,
            errorCount,
            (long)values["bytes"]);
    }
}
