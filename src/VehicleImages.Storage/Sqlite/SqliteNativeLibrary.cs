using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace VehicleImages.Storage.Sqlite;

/// <summary>
/// Loads the bundled SQLite (libe_sqlite3) so that it binds to its own symbols first. libvips loads modules
/// (openslide) that bring the system libsqlite3 into the global symbol scope; without RTLD_DEEPBIND the
/// bundled copy's internal calls resolve into the system copy, whose state it never initialised, and the
/// process crashes (SIGSEGV at address 0, e.g. in sqlite3_column_blob calling the system sqlite3_value_blob).
/// Imaging now keeps libvips from loading the openslide module, but an operator's VIPSHOME, another libvips build
/// or any other native library can still bring a second SQLite in, so the bundled copy stays isolated.
/// </summary>
internal static partial class SqliteNativeLibrary
{
    private const int RtldNow = 0x002;
    private const int RtldNoLoad = 0x004;
    private const int RtldDeepBind = 0x008;
    private const string BundledName = "e_sqlite3";

    private static readonly Lock Gate = new();
    private static volatile bool s_loadedHere;
    private static IntPtr s_handle;

    /// <summary>
    /// Installs the loader as soon as this assembly is loaded, not when the first store opens: code that touches
    /// Microsoft.Data.Sqlite before that (even <c>SqliteConnection.ClearAllPools</c>, whose static constructor loads
    /// the library) would load it the runtime's way. A test's Dispose did, in about one test run in four, and the
    /// process crashed later in 2 of 6 full test runs.
    /// </summary>
    [ModuleInitializer]
    [SuppressMessage("Usage", "CA2255:The 'ModuleInitializer' attribute should not be used in libraries",
        Justification = "The loader must be in place before any assembly can load SQLite; see the summary.")]
    internal static void InstallOnLoad()
    {
        if (OperatingSystem.IsLinux())
        {
            NativeLibrary.SetDllImportResolver(typeof(SQLitePCL.SQLite3Provider_e_sqlite3).Assembly, Resolve);
        }
    }

    /// <summary>Throws when SQLite is in use but was not loaded by <see cref="Resolve"/>: a crash waiting to happen.</summary>
    public static void EnsureLoadedHere()
    {
        if (OperatingSystem.IsLinux() && !s_loadedHere)
        {
            throw new InvalidOperationException(
                "The bundled SQLite (libe_sqlite3) was loaded before VehicleImages.Storage could load it with RTLD_DEEPBIND; " +
                "it may call into the system libsqlite3 that libvips' modules bring in, and crash. Load VehicleImages.Storage before using Microsoft.Data.Sqlite.");
        }
    }

    // The runtime may ask on several threads at once (two first calls into SQLite), so the answer is made once.
    private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (name != BundledName)
        {
            return IntPtr.Zero;
        }

        lock (Gate)
        {
            if (s_handle != IntPtr.Zero)
            {
                return s_handle;
            }

            foreach (var path in Candidates().Where(File.Exists))
            {
                // Already in the process: then someone else loaded it, with flags of their own, and this handle is theirs.
                var loadedBefore = dlopen(path, RtldNow | RtldNoLoad) != IntPtr.Zero;
                if (dlopen(path, RtldNow | RtldDeepBind) is var handle && handle != IntPtr.Zero)
                {
                    s_loadedHere = !loadedBefore;
                    s_handle = handle;
                    return handle;
                }
            }

            return IntPtr.Zero; // fall back to the runtime's own probing
        }
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
