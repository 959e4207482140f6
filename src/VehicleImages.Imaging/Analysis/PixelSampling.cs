using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace VehicleImages.Imaging.Analysis;

/// <summary>
/// The small pixel transforms the analyses need, in C# with portable vectors: cheaper than a libvips operation each,
/// whose set-up cost dominates on images this small.
/// </summary>
internal static partial class PixelSampling
{
    // Byte shuffles that spread four RGB pixels (12 bytes) of each 128-bit half over 32-bit lanes, one channel each.
    private static readonly Vector256<byte> RedOfRgb = ChannelOfRgb(0);
    private static readonly Vector256<byte> GreenOfRgb = ChannelOfRgb(1);
    private static readonly Vector256<byte> BlueOfRgb = ChannelOfRgb(2);

    /// <summary>Rec. 601 luma, with any alpha composited onto white as the opaque renditions are.</summary>
    public static byte[] Grey(PixelBuffer pixels)
    {
        var grey = GC.AllocateUninitializedArray<byte>(pixels.Width * pixels.Height);
        var data = pixels.Data;
        switch (pixels.Bands)
        {
            case 1:
                data.CopyTo(grey, 0);
                break;
            case 2:
                GreyOfGreyAlpha(data, grey);
                break;
            case 3:
                GreyOfRgb(data, grey);
                break;
            case 4:
                GreyOfRgba(data, grey);
                break;
            default:
                // More bands than RGBA: the first three are the colour, and none is alpha.
                for (int i = 0, p = 0; i < grey.Length; i++, p += pixels.Bands)
                {
                    grey[i] = (byte)Luma.Of(data[p], data[p + 1], data[p + 2]);
                }

                break;
        }

        return grey;
    }

    // The vector loops take whole steps while the input lasts, and the scalar loop finishes the pixels left over (all
    // of them where 256-bit vectors are not accelerated); both give the same bytes.
    private static void GreyOfGreyAlpha(byte[] pixels, byte[] grey)
    {
        var i = 0;
        if (Vector256.IsHardwareAccelerated && BitConverter.IsLittleEndian)
        {
            ref var source = ref MemoryMarshal.GetArrayDataReference(pixels);
            ref var target = ref MemoryMarshal.GetArrayDataReference(grey);
            var lowByte = Vector256.Create((ushort)0xFF);
            for (; i + 32 <= grey.Length; i += 32)
            {
                // Each 16-bit lane is one pixel: grey in its low byte, alpha in its high byte.
                var first = Vector256.LoadUnsafe(ref source, (nuint)i * 2).AsUInt16();
                var second = Vector256.LoadUnsafe(ref source, ((nuint)i * 2) + 32).AsUInt16();
                Vector256.Narrow(Luma.OnWhite(first & lowByte, first >> 8), Luma.OnWhite(second & lowByte, second >> 8))
                    .StoreUnsafe(ref target, (nuint)i);
            }
        }

        for (; i < grey.Length; i++)
        {
            grey[i] = (byte)Luma.OnWhite(pixels[i * 2], pixels[(i * 2) + 1]);
        }
    }

    private static void GreyOfRgb(byte[] pixels, byte[] grey)
    {
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref var source = ref MemoryMarshal.GetArrayDataReference(pixels);
            ref var target = ref MemoryMarshal.GetArrayDataReference(grey);

            // A step's last 16-byte load starts at its 29th pixel and reads 4 bytes past the step's 96.
            for (; (i * 3) + 100 <= pixels.Length; i += 32)
            {
                ref var step = ref Unsafe.Add(ref source, i * 3);
                var lumas = Vector256.Narrow(
                    Vector256.Narrow(LumaOfRgb(ref step), LumaOfRgb(ref Unsafe.Add(ref step, 24))),
                    Vector256.Narrow(LumaOfRgb(ref Unsafe.Add(ref step, 48)), LumaOfRgb(ref Unsafe.Add(ref step, 72))));
                lumas.StoreUnsafe(ref target, (nuint)i);
            }
        }

        for (; i < grey.Length; i++)
        {
            grey[i] = (byte)Luma.Of(pixels[i * 3], pixels[(i * 3) + 1], pixels[(i * 3) + 2]);
        }
    }

    // Eight RGB pixels: each 128-bit half takes four from its own 16-byte load, so no byte moves between halves.
    private static Vector256<uint> LumaOfRgb(ref byte pixel)
    {
        var pixels = Vector256.Create(Vector128.LoadUnsafe(ref pixel), Vector128.LoadUnsafe(ref pixel, 12));
        return Luma.Of(
            Vector256.Shuffle(pixels, RedOfRgb).AsUInt32(),
            Vector256.Shuffle(pixels, GreenOfRgb).AsUInt32(),
            Vector256.Shuffle(pixels, BlueOfRgb).AsUInt32());
    }

    private static void GreyOfRgba(byte[] pixels, byte[] grey)
    {
        var i = 0;
        if (Vector256.IsHardwareAccelerated && BitConverter.IsLittleEndian)
        {
            ref var source = ref MemoryMarshal.GetArrayDataReference(pixels);
            ref var target = ref MemoryMarshal.GetArrayDataReference(grey);
            for (; i + 32 <= grey.Length; i += 32)
            {
                ref var step = ref Unsafe.Add(ref source, i * 4);
                var lumas = Vector256.Narrow(
                    Vector256.Narrow(LumaOfRgba(ref step), LumaOfRgba(ref Unsafe.Add(ref step, 32))),
                    Vector256.Narrow(LumaOfRgba(ref Unsafe.Add(ref step, 64)), LumaOfRgba(ref Unsafe.Add(ref step, 96))));
                lumas.StoreUnsafe(ref target, (nuint)i);
            }
        }

        for (; i < grey.Length; i++)
        {
            var p = i * 4;
            grey[i] = (byte)Luma.OnWhite(Luma.Of(pixels[p], pixels[p + 1], pixels[p + 2]), pixels[p + 3]);
        }
    }

    // Eight RGBA pixels, one to a 32-bit lane: red in the low byte, alpha in the high one.
    private static Vector256<uint> LumaOfRgba(ref byte pixel)
    {
        var pixels = Vector256.LoadUnsafe(ref pixel).AsUInt32();
        var channel = Vector256.Create(0xFFu);
        return Luma.OnWhite(Luma.Of(pixels & channel, (pixels >> 8) & channel, (pixels >> 16) & channel), pixels >> 24);
    }

    // Shuffle indices out of range give zero bytes, which clear the top three bytes of every lane.
    private static Vector256<byte> ChannelOfRgb(int channel)
    {
        Span<byte> indices = stackalloc byte[Vector256<byte>.Count];
        indices.Fill(0xFF);
        for (var pixel = 0; pixel < 8; pixel++)
        {
            var half = pixel / 4 * 16;
            indices[pixel * 4] = (byte)(half + ((pixel % 4) * 3) + channel);
        }

        return Vector256.Create<byte>(indices);
    }
}
