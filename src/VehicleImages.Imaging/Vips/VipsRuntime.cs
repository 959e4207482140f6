using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using VehicleImages.Imaging.Jpeg;
using VehicleImages.Imaging.Native;

namespace VehicleImages.Imaging.Vips;

/// <summary>The libvips library as loaded into this process: its version and where it came from.</summary>
public sealed record VipsLibrary(Version Version, string Source);

/// <summary>
/// Loads, version-checks and configures libvips once per process. libvips state is process-wide (its cache,
/// thread pool and blocked operations), so this is static by nature.
/// </summary>
public static class VipsRuntime
{
    /// <summary>The oldest libvips with vips_block_untrusted_set and vips_operation_block_set.</summary>
    public static readonly Version MinimumVersion = new(8, 13, 0);

    /// <summary>The first libvips whose vector paths do not use liborc.</summary>
    private static readonly Version OrcFreeVersion = new(8, 15, 0);

    /// <summary>The environment variable that points the binding at another libvips build.</summary>
    public const string LibraryPathVariable = "VEHICLE_IMAGES_LIBVIPS";

    // The loader families the service can read. Everything else (magick, pdf, svg, matrix, csv, fits, ...) stays
    // blocked even if a crafted file would match it; which of these a deployment accepts is checked per call.
    private static readonly string[] ReadableLoaders =
        ["VipsForeignLoadJpeg", "VipsForeignLoadPng", "VipsForeignLoadWebp", "VipsForeignLoadHeif", "VipsForeignLoadNsgif", "VipsForeignLoadTiff"];

    private const int GLogLevelWarning = 1 << 4;

    private static readonly Lock Gate = new();
    private static VipsLibrary? s_library;

    /// <summary>Receives libvips' own warnings (e.g. "ignoring nclx profile"), which it would otherwise print to stderr.</summary>
    public static event Action<string>? Warning;

    /// <summary>The loaded library, or null before <see cref="Initialize"/> succeeds.</summary>
    public static VipsLibrary? Library => s_library;

    /// <summary>
    /// Loads libvips from <paramref name="libraryPath"/> (or <see cref="LibraryPathVariable"/>, or the system) and
    /// configures it for a server: operation cache off, <paramref name="concurrency"/> threads per pipeline,
    /// untrusted loaders blocked. Idempotent; throws <see cref="ImagingUnavailableException"/> with the fix.
    /// </summary>
    public static VipsLibrary Initialize(string? libraryPath = null, int concurrency = 1)
    {
        lock (Gate)
        {
            if (s_library is { } loaded)
            {
                return loaded;
            }

            var path = string.IsNullOrWhiteSpace(libraryPath) ? Environment.GetEnvironmentVariable(LibraryPathVariable) : libraryPath;
            path = string.IsNullOrWhiteSpace(path) ? null : path;
            Libraries.UseVipsBuild(path);
            var source = path ?? "system libvips (libvips.so.42)";

            Version version;
            try
            {
                version = new Version(Native.Vips.vips_version(0), Native.Vips.vips_version(1), Native.Vips.vips_version(2));
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException)
            {
                throw new ImagingUnavailableException(
                    $"libvips could not be loaded from {source}: {e.Message} " +
                    "Install it with `sudo apt-get install libvips42` (Debian/Ubuntu), or set Imaging:LibvipsPath " +
                    $"(environment variable {LibraryPathVariable}) to a libvips {MinimumVersion.ToString(2)}+ build such as sharp's libvips-cpp.so.", e);
            }

            if (version < MinimumVersion)
            {
                throw new ImagingUnavailableException(
                    $"libvips {version} from {source} is too old; {MinimumVersion.ToString(2)} or newer is needed to block untrusted loaders. " +
                    $"Install libvips42 from Debian 12 or Ubuntu 24.04, or set {LibraryPathVariable} to a newer build.");
            }

            // Every write to the process environment happens here, before any codec can run on another thread.
            TurboJpegLibrary.LoadAndConfigure();
            if (VipsModules.InitializeWithUsedModulesOnly(version, () => Native.Vips.vips_init("vehicle-images")) != 0)
            {
                throw new ImagingUnavailableException($"libvips {version} from {source} failed to start: {VipsException.FromErrorBuffer("init").Detail}");
            }

            Configure(concurrency, version);
            RunFirstOperationAlone();
            s_library = new VipsLibrary(version, source);
            return s_library;
        }
    }

    /// <summary>Initialises on first use with the defaults; for code paths (tests, tools) that have no options.</summary>
    public static void EnsureInitialized()
    {
        if (s_library is null)
        {
            Initialize();
        }
    }

    private static unsafe void Configure(int concurrency, Version version)
    {
        // Before 8.15 libvips vectorised with liborc, whose code memory is not safe to allocate and free from several
        // threads at once (liborc 0.4.33, Debian 12): concurrent resizes crashed the process (SIGSEGV, or a corrupted
        // heap) in 2 of 10 runs of the stress test, even after the first operation had run alone. Its plain
        // C paths are slower but sound, and resizing, where they cost most, is our own resampler's now. From 8.15
        // the vectors are Highway's, which are thread-safe, and stay on.
        if (version < OrcFreeVersion)
        {
            Native.Vips.vips_vector_set_enabled(false);
        }

        // Image servers turn the operation cache off: every request is new input, and cached pixels are memory
        // that is never reused.
        Native.Vips.vips_cache_set_max(0);
        Native.Vips.vips_cache_set_max_mem(0);
        Native.Vips.vips_cache_set_max_files(0);

        // Parallelism comes from concurrent requests; more threads per pipeline only add contention.
        Native.Vips.vips_concurrency_set(Math.Max(1, concurrency));

        Native.Vips.vips_block_untrusted_set(true);
        Native.Vips.vips_operation_block_set("VipsForeignLoad", true);
        foreach (var loader in ReadableLoaders)
        {
            Native.Vips.vips_operation_block_set(loader, false);
        }

        GLib.g_log_set_handler("VIPS", GLogLevelWarning, &OnLog, IntPtr.Zero);
    }

    /// <summary>
    /// Runs one small pipeline (an argument set from a string, an image argument, a build that makes inner
    /// operations, an encode) on this thread, before any other thread can reach libvips. On Debian's 8.14, when
    /// several threads start a process's first operations at the same moment, one can refuse an argument with no
    /// error message ("resize failed: no detail from libvips"): 1 to 2 processes in 100 in a C program doing only
    /// that, and about one ingest in four of a short manifest, whose workers start together. After one operation
    /// has been set up and run alone, none failed: 0 in 1,000 processes of the C program, 0 in 60 ingests.
    /// </summary>
    private static void RunFirstOperationAlone()
    {
        var pixels = new PixelBuffer(new byte[4 * 4 * 3], 4, 4, 3);
        using var image = VipsImage.FromPixels(pixels);
        using var resized = image.Shrink(2);
        resized.Save("pngsave_buffer", op => op.Set("compression", 1));
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnLog(IntPtr logDomain, int logLevel, IntPtr message, IntPtr userData)
    {
        // Never let an exception unwind into native code.
        try
        {
            var text = Marshal.PtrToStringUTF8(message);
            if (text is not null)
            {
                Warning?.Invoke(text);
            }
        }
#pragma warning disable CA1031 // A logging callback from native code must swallow everything.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }
}
