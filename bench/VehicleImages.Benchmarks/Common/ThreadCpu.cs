using System.Runtime.InteropServices;

namespace VehicleImages.Benchmarks.Common;

/// <summary>
/// The calling thread's own CPU time (clock_gettime CLOCK_THREAD_CPUTIME_ID): unlike a wall clock it does not count
/// the time the thread waited for a core that someone else's build had, nor for the disk.
/// </summary>
internal static class ThreadCpu
{
    private const int ThreadCpuClock = 3;

    public static double Milliseconds()
    {
        _ = ClockGetTime(ThreadCpuClock, out var now);
        return (now.Seconds * 1e3) + (now.Nanoseconds / 1e6);
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);
}
