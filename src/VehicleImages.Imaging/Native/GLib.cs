using System.Runtime.InteropServices;

namespace VehicleImages.Imaging.Native;

/// <summary>The GLib functions the binding needs, named as in C.</summary>
internal static partial class GLib
{
    [LibraryImport(Libraries.GLib)]
    public static partial void g_free(IntPtr mem);

    [LibraryImport(Libraries.GLib, StringMarshalling = StringMarshalling.Utf8)]
    public static unsafe partial uint g_log_set_handler(
        string logDomain, int logLevels, delegate* unmanaged[Cdecl]<IntPtr, int, IntPtr, IntPtr, void> logFunc, IntPtr userData);
}
