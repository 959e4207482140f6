using System.Runtime.InteropServices;

namespace VehicleImages.Storage.Blobs.FileSystem;

/// <summary>
/// fsync on a directory, which .NET has no API for. After a rename, syncing the directory makes the new name
/// survive a power loss, not only a crash of this process.
/// </summary>
internal static partial class DirectorySync
{
    private const int ReadOnly = 0;
    private const int Directory = 0x10000; // O_DIRECTORY on Linux

    public static void Flush(string path)
    {
        if (!OperatingSystem.IsLinux())
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
            if (fsync(fd) != 0)
            {
                throw new IOException($"fsync of directory {path} failed with errno {Marshal.GetLastPInvokeError()}.");
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

    [LibraryImport("libc")]
    private static partial int close(int fd);
}
