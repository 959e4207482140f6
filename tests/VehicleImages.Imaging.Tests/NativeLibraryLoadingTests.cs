using System.Reflection;
using System.Runtime.Loader;
using VehicleImages.Imaging.Jpeg;

namespace VehicleImages.Imaging.Tests;

/// <summary>
/// Native libraries resolve by their versioned names (Debian ships libturbojpeg.so.0, not libturbojpeg.so) from the
/// moment the assembly loads, not from libvips' start-up: a JPEG test that ran before any libvips call once failed
/// CI with DllNotFoundException.
/// </summary>
public sealed class NativeLibraryLoadingTests
{
    [Fact]
    public void TurboJpeg_resolves_in_a_copy_of_the_binding_that_never_started_libvips()
    {
        // A fresh load context is a fresh copy of the assembly: no libvips start-up has run for it, in any order.
        // Only a create and a destroy are called there: nothing native may keep a pointer into a copy that unloads.
        var context = new AssemblyLoadContext("turbojpeg-first", isCollectible: true);
        try
        {
            var imaging = context.LoadFromAssemblyPath(typeof(JpegDecoder).Assembly.Location);
            var turboJpeg = imaging.GetType("VehicleImages.Imaging.Native.TurboJpeg", throwOnError: true)!;
            var vipsRuntime = imaging.GetType("VehicleImages.Imaging.Vips.VipsRuntime", throwOnError: true)!;

            var handle = (IntPtr)turboJpeg.GetMethod("tjInitCompress", BindingFlags.Public | BindingFlags.Static)!.Invoke(null, null)!;
            var destroyed = (int)turboJpeg.GetMethod("tjDestroy", BindingFlags.Public | BindingFlags.Static)!.Invoke(null, [handle])!;

            Assert.NotEqual(IntPtr.Zero, handle);
            Assert.Equal(0, destroyed);
            Assert.Null(vipsRuntime.GetProperty("Library")!.GetValue(null));
        }
        finally
        {
            context.Unload();
        }
    }
}
