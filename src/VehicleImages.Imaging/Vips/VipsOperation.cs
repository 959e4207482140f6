using System.Globalization;
using System.Runtime.InteropServices;
using VehicleImages.Imaging.Native;

namespace VehicleImages.Imaging.Vips;

/// <summary>
/// One call of a libvips operation by name: set its inputs, build it, read its outputs. This is how the binding
/// reaches every operation without the C varargs wrappers.
/// </summary>
internal sealed class VipsOperation : IDisposable
{
    private readonly string _name;
    private GObjectHandle _handle;
    private bool _built;

    private VipsOperation(string name, GObjectHandle handle)
    {
        _name = name;
        _handle = handle;
    }

    public static VipsOperation Create(string name)
    {
        var handle = Native.Vips.vips_operation_new(name);
        if (handle.IsInvalid)
        {
            handle.Dispose();
            throw VipsException.FromErrorBuffer(name);
        }

        return new VipsOperation(name, handle);
    }

    /// <summary>Sets any non-object argument from its string form; libvips parses ints, doubles, booleans, enums and arrays.</summary>
    public VipsOperation Set(string argument, string value)
    {
        if (Native.Vips.vips_object_set_argument_from_string(_handle, argument, value) != 0)
        {
            throw VipsException.FromErrorBuffer($"{_name} ({argument}={value})");
        }

        return this;
    }

    public VipsOperation Set(string argument, int value) => Set(argument, value.ToString(CultureInfo.InvariantCulture));

    public VipsOperation Set(string argument, double value) => Set(argument, value.ToString("R", CultureInfo.InvariantCulture));

    public VipsOperation Set(string argument, bool value) => Set(argument, value ? "true" : "false");

    public VipsOperation Set(string argument, VipsImage image)
    {
        var value = default(GValue);
        GObject.g_value_init(ref value, Native.Vips.vips_image_get_type());
        GObject.g_value_set_object(ref value, image.Handle);
        GObject.g_object_set_property(_handle, argument, ref value);
        GObject.g_value_unset(ref value);
        return this;
    }

    public VipsOperation Set(string argument, VipsBlob blob)
    {
        var value = default(GValue);
        GObject.g_value_init(ref value, Native.Vips.vips_blob_get_type());
        GObject.g_value_set_boxed(ref value, blob.Handle);
        GObject.g_object_set_property(_handle, argument, ref value);
        GObject.g_value_unset(ref value);
        return this;
    }

    public VipsOperation Build()
    {
        var built = Native.Vips.vips_cache_operation_build(_handle);
        if (built.IsInvalid)
        {
            built.Dispose();
            Native.Vips.vips_object_unref_outputs(_handle);
            throw VipsException.FromErrorBuffer(_name);
        }

        // The build hands back its own reference (possibly to a different, equivalent object); keep that one.
        _handle.Dispose();
        _handle = built;
        _built = true;
        return this;
    }

    public VipsImage OutputImage(string argument = "out")
    {
        var value = default(GValue);
        GObject.g_value_init(ref value, Native.Vips.vips_image_get_type());
        GObject.g_object_get_property(_handle, argument, ref value);
        var image = GObject.g_object_ref(GObject.g_value_get_object(ref value));
        GObject.g_value_unset(ref value);
        return new VipsImage(image);
    }

    public byte[] OutputBytes(string argument = "buffer")
    {
        var value = default(GValue);
        GObject.g_value_init(ref value, Native.Vips.vips_blob_get_type());
        GObject.g_object_get_property(_handle, argument, ref value);
        try
        {
            var data = Native.Vips.vips_blob_get(GObject.g_value_get_boxed(ref value), out var length);
            var bytes = new byte[checked((int)length)];
            Marshal.Copy(data, bytes, 0, bytes.Length);
            return bytes;
        }
        finally
        {
            GObject.g_value_unset(ref value);
        }
    }

    public double OutputDouble(string argument = "out")
    {
        var value = default(GValue);
        GObject.g_value_init(ref value, GObject.g_type_from_name("gdouble"));
        GObject.g_object_get_property(_handle, argument, ref value);
        var result = GObject.g_value_get_double(ref value);
        GObject.g_value_unset(ref value);
        return result;
    }

    public void Dispose()
    {
        if (_built)
        {
            Native.Vips.vips_object_unref_outputs(_handle);
        }

        _handle.Dispose();
    }
}
