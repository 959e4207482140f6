using System.Runtime.InteropServices;

namespace VehicleImages.Imaging.Native;

/// <summary>
/// The TurboJPEG API of libjpeg-turbo 2.1 (Debian `libturbojpeg0`), named as in C. Unlike the libjpeg API it
/// catches the library's errors itself and returns -1, so a failure can never unwind through managed frames.
/// </summary>
internal static partial class TurboJpeg
{
    public const int PixelFormatRgb = 0;   // TJPF_RGB
    public const int PixelFormatGrey = 6;  // TJPF_GRAY
    public const int Subsampling444 = 0;   // TJSAMP_444
    public const int Subsampling420 = 2;   // TJSAMP_420
    public const int SubsamplingGrey = 3;  // TJSAMP_GRAY
    public const int FlagAccurateDct = 4096; // TJFLAG_ACCURATEDCT: the integer DCT libjpeg uses by default
    public const int FlagStopOnWarning = 8192; // TJFLAG_STOPONWARNING
    public const int ErrorWarning = 0;         // TJERR_WARNING: libjpeg went on, but with guessed (grey) data

    [LibraryImport(Libraries.TurboJpeg)]
    public static partial IntPtr tjInitCompress();

    [LibraryImport(Libraries.TurboJpeg)]
    public static partial IntPtr tjInitDecompress();

    [LibraryImport(Libraries.TurboJpeg)]
    public static partial int tjDestroy(IntPtr handle);

    /// <summary>Allocates <paramref name="jpegBuf"/> with tjAlloc when it is null; the caller frees it with tjFree.</summary>
    [LibraryImport(Libraries.TurboJpeg)]
    public static unsafe partial int tjCompress2(
        IntPtr handle, byte* srcBuf, int width, int pitch, int height, int pixelFormat,
        ref IntPtr jpegBuf, ref CULong jpegSize, int jpegSubsamp, int jpegQual, int flags);

    [LibraryImport(Libraries.TurboJpeg)]
    public static unsafe partial int tjDecompressHeader3(
        IntPtr handle, byte* jpegBuf, CULong jpegSize, out int width, out int height, out int jpegSubsamp, out int jpegColorspace);

    [LibraryImport(Libraries.TurboJpeg)]
    public static unsafe partial int tjDecompress2(
        IntPtr handle, byte* jpegBuf, CULong jpegSize, byte* dstBuf, int width, int pitch, int height, int pixelFormat, int flags);

    [LibraryImport(Libraries.TurboJpeg)]
    public static partial void tjFree(IntPtr buffer);

    [LibraryImport(Libraries.TurboJpeg)]
    public static partial int tjGetErrorCode(IntPtr handle);

    /// <summary>
    /// Borrowed: the handle's own message, or for libjpeg's own errors and warnings the calling thread's (TurboJPEG
    /// keeps those thread-local), so it is read on the thread that made the call, straight after it.
    /// </summary>
    [LibraryImport(Libraries.TurboJpeg)]
    public static partial IntPtr tjGetErrorStr2(IntPtr handle);
}
