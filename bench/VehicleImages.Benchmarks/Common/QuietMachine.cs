using System.Globalization;

namespace VehicleImages.Benchmarks.Common;

/// <summary>
/// The development machine is shared (other engineers build and run tests on it). Before each measured round, with
/// the servers idle, this waits until the whole machine is nearly idle, so rounds do not start in the middle of
/// someone else's build. It cannot stop noise that starts during a round; alternating rounds and medians handle that.
/// </summary>
internal static class QuietMachine
{
    private const double IdleEnough = 0.15;

    /// <summary>Rounds that started although the machine was still busy after the wait.</summary>
    public static int BusyStarts { get; private set; }

    /// <summary>Waits up to BENCH_QUIET_WAIT seconds (default 60; 0 disables) for CPU use under 15% over half a second.</summary>
    public static async Task WaitAsync()
    {
        var limit = int.TryParse(Environment.GetEnvironmentVariable("BENCH_QUIET_WAIT"), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) ? seconds : 60;
        if (limit == 0)
        {
            return;
        }

        var deadline = DateTime.UtcNow.AddSeconds(limit);
        var announced = false;
        while (true)
        {
            var busy = await BusyFractionAsync(TimeSpan.FromMilliseconds(500));
            if (busy < IdleEnough)
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                BusyStarts++;
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  (machine still {busy:P0} busy after {limit} s; starting the round anyway)"));
                return;
            }

            if (!announced)
            {
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  (machine {busy:P0} busy with other work; waiting up to {limit} s for it to settle)"));
                announced = true;
            }

            await Task.Delay(TimeSpan.FromSeconds(1));
        }
    }

    private static async Task<double> BusyFractionAsync(TimeSpan window)
    {
        var (busy0, total0) = Sample();
        await Task.Delay(window);
        var (busy1, total1) = Sample();
        return total1 == total0 ? 0 : (double)(busy1 - busy0) / (total1 - total0);
    }

    // /proc/stat "cpu" line: user nice system idle iowait irq softirq steal ...; idle and iowait are not busy.
    private static (long Busy, long Total) Sample()
    {
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Take(8)
            .Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        var total = fields.Sum();
        return (total - fields[3] - fields[4], total);
    }
}
