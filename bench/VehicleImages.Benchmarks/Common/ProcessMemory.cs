using System.Globalization;

namespace VehicleImages.Benchmarks.Common;

/// <summary>Peak resident memory (VmHWM) of a process, read from /proc while it is alive.</summary>
internal static class ProcessMemory
{
    /// <summary>VmHWM of the process plus that of its descendants (nginx workers), in MiB; NaN when unreadable.</summary>
    public static double PeakRssMiB(int pid, bool withDescendants = true)
    {
        var pids = withDescendants ? Descendants(pid).Prepend(pid) : [pid];
        var total = 0L;
        foreach (var id in pids)
        {
            if (Field(id, "VmHWM:") is not { } kilobytes)
            {
                if (id == pid)
                {
                    return double.NaN;
                }

                continue;
            }

            total += kilobytes;
        }

        return total / 1024d;
    }

    /// <summary>Resident memory (VmRSS) of one process now, in MiB; NaN when unreadable.</summary>
    public static double CurrentRssMiB(int pid) => Field(pid, "VmRSS:") is { } kilobytes ? kilobytes / 1024d : double.NaN;

    /// <summary>User plus system CPU time the process has used so far, in seconds; NaN when it cannot be read.</summary>
    public static double CpuSeconds(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return process.TotalProcessorTime.TotalSeconds;
        }
        catch (ArgumentException)
        {
            return double.NaN;
        }
        catch (InvalidOperationException)
        {
            return double.NaN;
        }
    }

    /// <summary>
    /// User plus system CPU time of the process and its descendants (nginx workers), in seconds, from /proc/PID/stat
    /// (clock ticks of 1/100 s, Linux's USER_HZ); NaN when the process is gone.
    /// </summary>
    public static double TreeCpuSeconds(int pid)
    {
        var total = 0L;
        foreach (var id in Descendants(pid).Prepend(pid))
        {
            string stat;
            try
            {
                stat = File.ReadAllText($"/proc/{id}/stat");
            }
            catch (IOException)
            {
                if (id == pid)
                {
                    return double.NaN;
                }

                continue;
            }

            // Fields after "(comm)": state is the 1st, utime the 12th, stime the 13th.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            total += long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        }

        return total / 100d;
    }

    /// <summary>How many processes the peak sums (1 for a lone process, 1 + workers for nginx).</summary>
    public static int ProcessCount(int pid) => Descendants(pid).Count() + 1;

    private static long? Field(int pid, string name)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith(name, StringComparison.Ordinal))
                {
                    return long.Parse(line[name.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                }
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return null;
    }

    private static IEnumerable<int> Descendants(int pid)
    {
        var parents = new Dictionary<int, List<int>>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var child))
            {
                continue;
            }

            string stat;
            try
            {
                stat = File.ReadAllText(Path.Combine(directory, "stat"));
            }
            catch (IOException)
            {
                continue;
            }

            // "pid (comm) state ppid ...": comm may hold spaces and parentheses, so read after the last ')'.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var parent = int.Parse(fields[1], CultureInfo.InvariantCulture);
            if (!parents.TryGetValue(parent, out var children))
            {
                parents[parent] = children = [];
            }

            children.Add(child);
        }

        var pending = new Stack<int>([pid]);
        while (pending.Count > 0)
        {
            if (parents.TryGetValue(pending.Pop(), out var children))
            {
                foreach (var child in children)
                {
                    yield return child;
                    pending.Push(child);
                }
            }
        }
    }
}
