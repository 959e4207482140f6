using System.Runtime.InteropServices;

namespace VehicleImages.Application.Ingest.Fetching;

/// <summary>
/// Tells a regular file from a device, a pipe or a socket, which .NET's file APIs do not: all of them show as
/// "Normal" with a length of 0. Reading <c>/dev/zero</c> never ends, and opening a pipe waits for a writer.
/// </summary>
internal static partial class FileKinds
{
    private const int CurrentDirectory = -100; // AT_FDCWD
    private const uint TypeField = 0x1; // STATX_TYPE
    private const int ModeOffset = 28; // struct statx's stx_mode, the same on every architecture
    private const int TypeMask = 0xF000; // S_IFMT
    private const int Regular = 0x8000; // S_IFREG

    /// <summary>True for a regular file (after following links); null where the system cannot say (no statx).</summary>
    public static unsafe bool? IsRegularFile(string path)
    {
        var buffer = stackalloc byte[256];
        try
        {
            if (StatX(CurrentDirectory, path, 0, TypeField, buffer) != 0)
            {
                return false;
            }
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            return null;
        }

        return (*(ushort*)(buffer + ModeOffset) & TypeMask) == Regular;
    }

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8)]
    private static unsafe partial int StatX(int directory, string path, int flags, uint mask, byte* buffer);
}
