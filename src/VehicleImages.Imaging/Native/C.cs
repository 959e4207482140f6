using System.Runtime.InteropServices;

namespace VehicleImages.Imaging.Native;

/// <summary>The C library functions the binding needs, named as in C.</summary>
internal static partial class C
{
    /// <summary>Changes the native environment, which .NET's Environment API does not write to on Unix.</summary>
    [LibraryImport(Libraries.C, StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    public static partial int setenv(string name, string value, int overwrite);

    [LibraryImport(Libraries.C, StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    public static partial int unsetenv(string name);

    /// <summary>glibc: returns free memory at the top and in the middle of every malloc arena to the system.</summary>
    [LibraryImport(Libraries.C)]
    public static partial int malloc_trim(nuint pad);
}
