using System.Runtime.InteropServices;

namespace VehicleImages.Imaging.Native;

/// <summary>The GObject functions the binding needs, named as in C.</summary>
internal static partial class GObject
{
    /// <summary>Adds a reference to a borrowed pointer and hands it over as an owned handle.</summary>
    [LibraryImport(Libraries.GObject)]
    public static partial GObjectHandle g_object_ref(IntPtr @object);

    [LibraryImport(Libraries.GObject)]
    public static partial void g_object_unref(IntPtr @object);

    [LibraryImport(Libraries.GObject, StringMarshalling = StringMarshalling.Utf8)]
    public static partial void g_object_set_property(GObjectHandle @object, string propertyName, ref GValue value);

    [LibraryImport(Libraries.GObject, StringMarshalling = StringMarshalling.Utf8)]
    public static partial void g_object_get_property(GObjectHandle @object, string propertyName, ref GValue value);

    [LibraryImport(Libraries.GObject)]
    public static partial IntPtr g_value_init(ref GValue value, nuint gType);

    [LibraryImport(Libraries.GObject)]
    public static partial void g_value_unset(ref GValue value);

    [LibraryImport(Libraries.GObject)]
    public static partial void g_value_set_object(ref GValue value, GObjectHandle vObject);

    /// <summary>Borrowed: the GValue keeps the reference.</summary>
    [LibraryImport(Libraries.GObject)]
    public static partial IntPtr g_value_get_object(ref GValue value);

    [LibraryImport(Libraries.GObject)]
    public static partial void g_value_set_boxed(ref GValue value, VipsBlobHandle vBoxed);

    /// <summary>Borrowed: the GValue keeps the reference.</summary>
    [LibraryImport(Libraries.GObject)]
    public static partial IntPtr g_value_get_boxed(ref GValue value);

    [LibraryImport(Libraries.GObject)]
    public static partial double g_value_get_double(ref GValue value);

    [LibraryImport(Libraries.GObject)]
    public static partial int g_value_get_int(ref GValue value);

    [LibraryImport(Libraries.GObject, StringMarshalling = StringMarshalling.Utf8)]
    public static partial nuint g_type_from_name(string name);
}
