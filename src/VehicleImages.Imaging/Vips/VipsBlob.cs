using VehicleImages.Imaging.Native;

namespace VehicleImages.Imaging.Vips;

/// <summary>Bytes handed to libvips. Copied once, so lazy images that still read them never see managed memory move.</summary>
internal sealed class VipsBlob : IDisposable
{
    private VipsBlob(VipsBlobHandle handle, int length)
    {
        Handle = handle;
        Length = length;
    }

    public VipsBlobHandle Handle { get; }

    public int Length { get; }

    public static unsafe VipsBlob Copy(ReadOnlySpan<byte> bytes)
    {
        fixed (byte* data = bytes)
        {
            var handle = Native.Vips.vips_blob_copy(data, (nuint)bytes.Length);
            if (handle.IsInvalid)
            {
                throw VipsException.FromErrorBuffer("blob_copy");
            }

            return new VipsBlob(handle, bytes.Length);
        }
    }

    public void Dispose() => Handle.Dispose();
}
