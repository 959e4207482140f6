using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace VehicleImages.Imaging.Native;

/// <summary>
/// The native libraries the binding imports from, and how their names resolve. Debian splits libvips, GObject
/// and GLib into three files; a self-contained build (sharp's libvips-cpp.so.8.x) exports all three APIs from one
/// file, so an override path serves those three names. TurboJPEG and the C library are always the system's.
/// </summary>
internal static class Libraries
{
    public const string Vips = "vips";
    public const string GObject = "gobject";
    public const string GLib = "glib";
    public const string TurboJpeg = "turbojpeg";
    public const string C = "c";

    private static readonly Lock Gate = new();
    private static string? s_overridePath;
    private static bool s_vipsBuildChosen;

    /// <summary>
    /// Installs the resolver as soon as this assembly is loaded. Every import needs it (Debian ships only
    /// libturbojpeg.so.0, not the unversioned name the runtime probes), and code may call TurboJPEG or the C
    /// library before libvips is initialised: a test that decoded a JPEG first failed with DllNotFoundException.
    /// </summary>
    [ModuleInitializer]
    [SuppressMessage("Usage", "CA2255:The 'ModuleInitializer' attribute should not be used in libraries",
        Justification = "The resolver must be in place before the first call into any native library; see the summary.")]
    internal static void InstallOnLoad() => NativeLibrary.SetDllImportResolver(typeof(Libraries).Assembly, Resolve);

    /// <summary>
    /// Chooses the libvips build (null: the system's) before libvips is first loaded; later calls may only
    /// repeat the same choice, because a process can hold one build.
    /// </summary>
    public static void UseVipsBuild(string? overridePath)
    {
        lock (Gate)
        {
            if (s_vipsBuildChosen)
            {
                if (!string.Equals(s_overridePath, overridePath, StringComparison.Ordinal))
                {
                    throw new InvalidOperationException(
                        $"libvips was already loaded from '{s_overridePath ?? "the system"}'; a process can load only one build.");
                }

                return;
            }

            s_overridePath = overridePath;
            s_vipsBuildChosen = true;
        }
    }

    private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (name is Vips or GObject or GLib)
        {
            // Loading fixes the choice: a build chosen after this would never be used.
            lock (Gate)
            {
                s_vipsBuildChosen = true;
            }

            if (s_overridePath is { } path)
            {
                return NativeLibrary.Load(path);
            }
        }

        foreach (var candidate in SystemNames(name))
        {
            if (NativeLibrary.TryLoad(candidate, assembly, searchPath, out var handle))
            {
                return handle;
            }
        }

        // Zero lets the runtime report its usual DllNotFoundException, which start-up turns into advice.
        return IntPtr.Zero;
    }

    private static string[] SystemNames(string name) => name switch
    {
        Vips => ["libvips.so.42", "libvips.42.dylib", "libvips-42.dll"],
        GObject => ["libgobject-2.0.so.0", "libgobject-2.0.0.dylib", "libgobject-2.0-0.dll"],
        GLib => ["libglib-2.0.so.0", "libglib-2.0.0.dylib", "libglib-2.0-0.dll"],
        TurboJpeg => ["libturbojpeg.so.0", "libturbojpeg.0.dylib", "turbojpeg.dll"],
        C => ["libc.so.6", "libc.dylib"],
        _ => [name],
    };
}
