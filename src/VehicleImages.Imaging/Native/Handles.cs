using Microsoft.Win32.SafeHandles;

namespace VehicleImages.Imaging.Native;

/// <summary>One reference to a GObject (a VipsImage or a VipsOperation), dropped on release.</summary>
internal sealed class GObjectHandle() : SafeHandleZeroOrMinusOneIsInvalid(ownsHandle: true)
{
    protected override bool ReleaseHandle()
    {
        GObject.g_object_unref(handle);
        return true;
    }
}

/// <summary>One reference to a VipsBlob (a ref-counted VipsArea of bytes), dropped on release.</summary>
internal sealed class VipsBlobHandle() : SafeHandleZeroOrMinusOneIsInvalid(ownsHandle: true)
{
    protected override bool ReleaseHandle()
    {
        Vips.vips_area_unref(handle);
        return true;
    }
}

/// <summary>Memory that libvips allocated with g_malloc and hands to the caller to g_free.</summary>
internal sealed class GLibMemoryHandle() : SafeHandleZeroOrMinusOneIsInvalid(ownsHandle: true)
{
    protected override bool ReleaseHandle()
    {
        GLib.g_free(handle);
        return true;
    }
}
