using System.Runtime.InteropServices;

namespace VehicleImages.Imaging.Native;

/// <summary>
/// The libvips C API the binding needs, named as in C. Operations are called through the generic operation API
/// (new, set properties, build) because the varargs convenience functions cannot be P/Invoked safely.
/// </summary>
internal static partial class Vips
{
    [LibraryImport(Libraries.Vips, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int vips_init(string argv0);

    [LibraryImport(Libraries.Vips)]
    public static partial int vips_version(int flag);

    /// <summary>Borrowed, process-wide; read it and clear it in one place (VipsException).</summary>
    [LibraryImport(Libraries.Vips)]
    public static partial IntPtr vips_error_buffer();

    [LibraryImport(Libraries.Vips)]
    public static partial void vips_error_clear();

    [LibraryImport(Libraries.Vips)]
    public static partial void vips_cache_set_max(int max);

    [LibraryImport(Libraries.Vips)]
    public static partial void vips_cache_set_max_mem(nuint maxMem);

    [LibraryImport(Libraries.Vips)]
    public static partial void vips_cache_set_max_files(int maxFiles);

    [LibraryImport(Libraries.Vips)]
    public static partial void vips_concurrency_set(int concurrency);

    [LibraryImport(Libraries.Vips)]
    public static partial void vips_vector_set_enabled([MarshalAs(UnmanagedType.Bool)] bool enabled);

    [LibraryImport(Libraries.Vips)]
    public static partial void vips_block_untrusted_set([MarshalAs(UnmanagedType.I4)] bool state);

    [LibraryImport(Libraries.Vips, StringMarshalling = StringMarshalling.Utf8)]
    public static partial void vips_operation_block_set(string name, [MarshalAs(UnmanagedType.I4)] bool state);

    [LibraryImport(Libraries.Vips, StringMarshalling = StringMarshalling.Utf8)]
    public static partial GObjectHandle vips_operation_new(string name);

    [LibraryImport(Libraries.Vips)]
    public static partial GObjectHandle vips_cache_operation_build(GObjectHandle operation);

    [LibraryImport(Libraries.Vips)]
    public static partial void vips_object_unref_outputs(GObjectHandle @object);

    [LibraryImport(Libraries.Vips, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int vips_object_set_argument_from_string(GObjectHandle @object, string name, string value);

    /// <summary>Borrowed static string naming the loader, or zero when none recognises the bytes.</summary>
    [LibraryImport(Libraries.Vips)]
    public static unsafe partial IntPtr vips_foreign_find_load_buffer(byte* data, nuint size);

    [LibraryImport(Libraries.Vips)]
    public static unsafe partial VipsBlobHandle vips_blob_copy(byte* data, nuint length);

    [LibraryImport(Libraries.Vips)]
    public static partial IntPtr vips_blob_get(IntPtr blob, out nuint length);

    [LibraryImport(Libraries.Vips)]
    public static partial nuint vips_blob_get_type();

    [LibraryImport(Libraries.Vips)]
    public static partial void vips_area_unref(IntPtr area);

    [LibraryImport(Libraries.Vips)]
    public static partial nuint vips_image_get_type();

    [LibraryImport(Libraries.Vips)]
    public static partial int vips_image_get_width(GObjectHandle image);

    [LibraryImport(Libraries.Vips)]
    public static partial int vips_image_get_height(GObjectHandle image);

    [LibraryImport(Libraries.Vips)]
    public static partial int vips_image_get_bands(GObjectHandle image);

    [LibraryImport(Libraries.Vips)]
    public static partial int vips_image_get_format(GObjectHandle image);

    [LibraryImport(Libraries.Vips)]
    public static partial int vips_image_get_interpretation(GObjectHandle image);

    [LibraryImport(Libraries.Vips)]
    [return: MarshalAs(UnmanagedType.I4)]
    public static partial bool vips_image_hasalpha(GObjectHandle image);

    [LibraryImport(Libraries.Vips)]
    public static partial int vips_image_get_n_pages(GObjectHandle image);

    [LibraryImport(Libraries.Vips, StringMarshalling = StringMarshalling.Utf8)]
    public static partial nuint vips_image_get_typeof(GObjectHandle image, string name);

    [LibraryImport(Libraries.Vips, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int vips_image_get_int(GObjectHandle image, string name, out int value);

    [LibraryImport(Libraries.Vips)]
    public static partial GLibMemoryHandle vips_image_write_to_memory(GObjectHandle image, out nuint size);

    [LibraryImport(Libraries.Vips)]
    public static partial GObjectHandle vips_image_copy_memory(GObjectHandle image);

    [LibraryImport(Libraries.Vips)]
    public static unsafe partial GObjectHandle vips_image_new_from_memory_copy(
        byte* data, nuint size, int width, int height, int bands, int format);
}
