using System.Runtime.InteropServices;

namespace VehicleImages.Imaging.Native;

/// <summary>GLib's GValue: a type tag and two words of data, 24 bytes on 64-bit platforms.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct GValue
{
    public nuint GType;
    public long Data0;
    public long Data1;
}
