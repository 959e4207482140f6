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
    public void TurboJpeg_loads_in_a_process_that_never_started_libvips()
    {
        // A fresh load context is a fresh copy of the assembly: no libvips start-up has run for it, in any order.
        var context = new AssemblyLoadContext("turbojpeg-first", isCollectible: true);
        try
        {
            var imaging = context.LoadFromAssemblyPath(typeof(JpegDecoder).Assembly.Location);
            var library = imaging.GetType("VehicleImages.Imaging.Jpeg.TurboJpegLibrary", throwOnError: true)!;
            var vipsRuntime = imaging.GetType("VehicleImages.Imaging.Vips.VipsRuntime", throwOnError: true)!;

            library.GetMethod("EnsureInitialized", BindingFlags.Public | BindingFlags.Static)!.Invoke(null, null);

            Assert.Null(vipsRuntime.GetProperty("Library")!.GetValue(null));
        }
        finally
        {
            context.Unload();
        }
    }
}
