using System.Globalization;

namespace VehicleImages.Testing;

/// <summary>This process's resident memory as Linux accounts it (/proc/self/status): a bound load cannot change.</summary>
public static class ProcessMemory
{
    /// <summary>Resident memory now (VmRSS), in bytes.</summary>
    public static long Resident() => Read("VmRSS:");

    /// <summary>The most resident memory since the start or the last <see cref="ResetPeak"/> (VmHWM), in bytes.</summary>
    public static long Peak() => Read("VmHWM:");

    /// <summary>Starts the peak over from the present resident memory.</summary>
    public static void ResetPeak() => File.WriteAllText("/proc/self/clear_refs", "5");

    /// <summary>Polls until resident memory is at most <paramref name="bound"/> or the time is up; the last reading.</summary>
    public static async Task<long> ResidentWithinAsync(long bound, TimeSpan patience, CancellationToken cancellationToken)
    {
        var until = DateTimeOffset.UtcNow + patience;
        var resident = Resident();
        while (resident > bound && DateTimeOffset.UtcNow < until)
        {
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            resident = Resident();
        }

        return resident;
    }

    private static long Read(string field)
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith(field, StringComparison.Ordinal));
        return long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
    }
}
