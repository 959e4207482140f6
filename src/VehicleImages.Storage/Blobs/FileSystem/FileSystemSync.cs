using System.Runtime.InteropServices;

namespace VehicleImages.Storage.Blobs.FileSystem;

/// <summary>
/// The two flushes .NET has no API for. fsync on a directory makes a rename survive a power loss, not only a crash
/// of this process. syncfs flushes a whole file system in one call: the data of many files and then one journal
/// commit for all their renames, instead of two flushes per file.
/// </summary>
internal static partial class FileSystemSync
{
    private const int ReadOnly = 0;
    private const int Directory = 0x10000; // O_DIRECTORY on Linux

    /// <summary>Whether <see cref="FlushAll"/> is available (syncfs is Linux's).</summary>
    public static bool CanFlushAll => OperatingSystem.IsLinux();

    public static void FlushDirectory(string path) => WithDirectory(path, "fsync", fsync);

    /// <summary>Flushes everything written on the file system that holds <paramref name="path"/>.</summary>
    public static void FlushAll(string path) => WithDirectory(path, "syncfs", syncfs);

    // Both calls are Linux's; elsewhere they do nothing (and the store flushes each file as it writes it).
    private static void WithDirectory(string path, string call, Func<int, int> flush)
    {
        if (!CanFlushAll)
        {
            return;
        }

        var fd = open(path, ReadOnly | Directory);
        if (fd < 0)
        {
            return; // Best effort: the rename itself is already atomic.
        }

        try
        {
            if (flush(fd) != 0)
            {
                throw new IOException($"{call} of {path} failed with errno {Marshal.GetLastPInvokeError()}.");
            }
        }
        finally
        {
            _ = close(fd);
        }
    }

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int open(string pathname, int flags);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int fsync(int fd);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int syncfs(int fd);

    [LibraryImport("libc")]
    private static partial int close(int fd);
}
