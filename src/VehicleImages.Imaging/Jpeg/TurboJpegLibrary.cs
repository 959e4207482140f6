using System.Runtime.InteropServices;
using VehicleImages.Imaging.Native;

namespace VehicleImages.Imaging.Jpeg;

/// <summary>libjpeg-turbo's TurboJPEG library, loaded and configured once per process.</summary>
internal static class TurboJpegLibrary
{
    private static readonly Lock Gate = new();
    private static volatile bool s_initialized;

    /// <summary>
    /// Loads libjpeg-turbo and fixes its settings, once, at start-up. TurboJPEG 2.1 can only be told to optimise
    /// Huffman tables through its environment (it reads TJ_OPTIMIZE at every compress), so it is set here, before
    /// any encoding thread runs, and the variables that would change the output format are cleared.
    /// </summary>
    public static void EnsureInitialized()
    {
        if (s_initialized)
        {
            return;
        }

        lock (Gate)
        {
            if (s_initialized)
            {
                return;
            }

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

            s_initialized = true;
        }
    }
}
