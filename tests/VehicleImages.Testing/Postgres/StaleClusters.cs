using System.Diagnostics;
using System.Globalization;

namespace VehicleImages.Testing.Postgres;

/// <summary>
/// The temporary folders that test clusters live in, each marked with the test process that owns it. A run that was
/// killed leaves its server running and its folder behind; the next run stops and deletes them.
/// </summary>
internal static class StaleClusters
{
    private const string Prefix = "vi-pg-";
    private const string OwnerFile = "owner";

    /// <summary>A new folder, marked as this process's.</summary>
    public static string CreateOwnedFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), Prefix + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        using var self = Process.GetCurrentProcess();
        File.WriteAllText(Path.Combine(folder, OwnerFile), $"{Environment.ProcessId} {StartTicks(self).ToString(CultureInfo.InvariantCulture)}");
        return folder;
    }

    /// <summary>Stops and deletes the clusters of test processes that are gone; other runs' clusters are left alone.</summary>
    public static void Remove(string programs)
    {
        foreach (var folder in Directory.GetDirectories(Path.GetTempPath(), Prefix + "*"))
        {
            if (OwnerIsAlive(folder))
            {
                continue;
            }

            try
            {
                if (File.Exists(Path.Combine(folder, "data", "postmaster.pid")))
                {
                    PostgresCluster.StopServer(programs, folder, "immediate");
                }

                Directory.Delete(folder, recursive: true);
            }
            catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException)
            {
                // Someone else's folder, or a server that will not stop: not this run's business.
            }
        }
    }

    private static bool OwnerIsAlive(string folder)
    {
        var ownerFile = Path.Combine(folder, OwnerFile);
        if (!File.Exists(ownerFile))
        {
            // A folder that was never marked was abandoned while being made, unless it is being made right now.
            return Directory.GetCreationTimeUtc(folder) > DateTime.UtcNow.AddMinutes(-1);
        }

        var owner = File.ReadAllText(ownerFile).Split(' ');
        try
        {
            // The start time tells the owner apart from a later process that was given the same ID.
            using var process = Process.GetProcessById(int.Parse(owner[0], CultureInfo.InvariantCulture));
            return Math.Abs(StartTicks(process) - long.Parse(owner[1], CultureInfo.InvariantCulture)) < TimeSpan.TicksPerSecond;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static long StartTicks(Process process) => process.StartTime.ToUniversalTime().Ticks;
}
