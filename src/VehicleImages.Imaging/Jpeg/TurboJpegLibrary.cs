using System.Runtime.InteropServices;
using VehicleImages.Imaging.Native;

namespace VehicleImages.Imaging.Jpeg;

/// <summary>libjpeg-turbo's TurboJPEG library, loaded and configured once per process, by libvips' start-up.</summary>
internal static class TurboJpegLibrary
{
    /// <summary>
    /// Loads libjpeg-turbo and fixes its settings. TurboJPEG 2.1 can only be told to optimise Huffman tables through
    /// its environment (it reads TJ_OPTIMIZE at every compress), so it is set here, and the variables that would
    /// change the output format are cleared. Writing the environment while another thread reads it (TurboJPEG's
    /// getenv at every compress, libvips' at start-up) can read freed memory, so this runs only inside
    /// <see cref="Vips.VipsRuntime.Initialize"/>, under its lock, before any codec can be used.
    /// </summary>
    public static void LoadAndConfigure()
    {
        IntPtr probe;
        try
        {
            probe = TurboJpeg.tjInitCompress();
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException)
        {
            throw new ImagingUnavailableException(
                $"libjpeg-turbo's TurboJPEG library could not be loaded: {e.Message} Install it with `sudo apt-get install libturbojpeg0` (Debian/Ubuntu).", e);
        }

        _ = TurboJpeg.tjDestroy(probe);
        if (C.setenv("TJ_OPTIMIZE", "1", overwrite: 1) != 0)
        {
            throw new ImagingUnavailableException($"Could not configure libjpeg-turbo (setenv failed, errno {Marshal.GetLastPInvokeError()}).");
        }

        foreach (var variable in (string[])["TJ_ARITHMETIC", "TJ_PROGRESSIVE", "TJ_RESTART"])
        {
            _ = C.unsetenv(variable);
        }
    }
}
