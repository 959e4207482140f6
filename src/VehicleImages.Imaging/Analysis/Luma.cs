using System.Runtime.Intrinsics;

namespace VehicleImages.Imaging.Analysis;

/// <summary>
/// Rec. 601 integer luma, and compositing onto white, for one pixel or for a vector of them. The vector forms give the
/// scalar forms' bytes for every input (the tests check every colour and every grey and alpha pair).
/// </summary>
internal static class Luma
{
    public static int Of(int r, int g, int b) => ((299 * r) + (587 * g) + (114 * b) + 500) / 1000;

    public static int OnWhite(int luma, int alpha) => ((luma * alpha) + (255 * (255 - alpha)) + 127) / 255;

    public static Vector256<uint> Of(Vector256<uint> r, Vector256<uint> g, Vector256<uint> b)
    {
        // Vectors have no integer division. The weighted sum is at most 255 500, and x / 1000 = (x / 8) / 125, where
        // y / 125 = (y · 134 218) >> 24 for every y up to 31 937, with the product still under 2^32.
        var sum = (r * 299) + (g * 587) + (b * 114) + Vector256.Create(500u);
        return ((sum >> 3) * 134_218) >> 24;
    }

    public static Vector256<uint> OnWhite(Vector256<uint> luma, Vector256<uint> alpha) =>
        DivideBy255((luma * alpha) + ((Vector256.Create(255u) - alpha) * 255) + Vector256.Create(127u));

    public static Vector256<ushort> OnWhite(Vector256<ushort> luma, Vector256<ushort> alpha)
    {
        // The composited sum is at most 65 152, so 16-bit lanes hold it; the products may wrap on the way, but sums
        // and products modulo 2^16 end at the same value.
        var x = (luma * alpha) + ((Vector256.Create((ushort)255) - alpha) * 255) + Vector256.Create((ushort)127);
        return (x + Vector256<ushort>.One + (x >> 8)) >> 8;
    }

    // x / 255 = (x + 1 + x / 256) / 256 for every x up to 65 534; the composited sum is at most 65 152.
    private static Vector256<uint> DivideBy255(Vector256<uint> x) => (x + Vector256<uint>.One + (x >> 8)) >> 8;
}
