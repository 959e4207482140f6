using System.Reflection;
using System.Runtime.InteropServices;

namespace VehicleImages.Storage.Sqlite;

/// <summary>
/// Loads the bundled SQLite (libe_sqlite3) so that it binds to its own symbols first. libvips loads modules
/// (openslide) that bring the system libsqlite3 into the global symbol scope; without RTLD_DEEPBIND the
/// bundled copy's internal calls resolve into the system copy, whose allocator it never initialised, and the
/// first open crashes.
/// </summary>
internal static partial class SqliteNativeLibrary
{
    private const int RtldNow = 0x002;
    private const int RtldDeepBind = 0x008;
    private const string BundledName = "e_sqlite3";

    public static void Install()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        NativeLibrary.SetDllImportResolver(typeof(SQLitePCL.SQLite3Provider_e_sqlite3).Assembly, Resolve);
    }

    private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (name != BundledName)
        {
            return IntPtr.Zero;
        }

        foreach (var path in Candidates())
        {
            if (File.Exists(path) && dlopen(path, RtldNow | RtldDeepBind) is var handle && handle != IntPtr.Zero)
            {
                return handle;
            }
        }

        return IntPtr.Zero; // fall back to the runtime's own probing
    }

    private static IEnumerable<string> Candidates()
    {
        var file = $"lib{BundledName}.so";
        yield return Path.Combine(AppContext.BaseDirectory, file);
        yield return Path.Combine(AppContext.BaseDirectory, "runtimes", RuntimeInformation.RuntimeIdentifier, "native", file);
        var architecture = RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant();
        yield return Path.Combine(AppContext.BaseDirectory, "runtimes", $"linux-{architecture}", "native", file);
    }

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8)]
    private static partial IntPtr dlopen(string filename, int flags);
}
