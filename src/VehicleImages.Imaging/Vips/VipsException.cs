using System.Runtime.InteropServices;
using VehicleImages.Imaging.Native;

namespace VehicleImages.Imaging.Vips;

/// <summary>A libvips call failed. <see cref="Detail"/> is libvips' own text, for logs, not for clients.</summary>
public sealed class VipsException : Exception
{
    public VipsException(string operation, string detail)
        : base($"libvips {operation} failed: {FirstLine(detail)}")
    {
        Operation = operation;
        Detail = detail;
    }

    public VipsException()
        : this("call", "")
    {
    }

    public VipsException(string message, Exception innerException)
        : base(message, innerException)
    {
        Operation = "call";
        Detail = message;
    }

    public string Operation { get; } = "call";

    public string Detail { get; } = "";

    /// <summary>
    /// The first line of <see cref="Detail"/> that one of these domains wrote (libvips starts each line with its
    /// writer's domain, "VipsJpeg: …"), or null. libvips' error buffer is one for the whole process, so while other
    /// images fail in parallel it also holds their lines: only the lines of the caller's own loader are its cause.
    /// </summary>
    public string? FirstLineFrom(IReadOnlyCollection<string> domainPrefixes)
    {
        ArgumentNullException.ThrowIfNull(domainPrefixes);
        foreach (var line in Detail.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && domainPrefixes.Any(prefix => line.AsSpan(0, colon).StartsWith(prefix, StringComparison.Ordinal)))
            {
                return line;
            }
        }

        return null;
    }

    /// <summary>The one place libvips' error buffer is read; it is cleared so the next failure starts clean.</summary>
    internal static VipsException FromErrorBuffer(string operation)
    {
        var detail = Marshal.PtrToStringUTF8(Native.Vips.vips_error_buffer())?.Trim() ?? "";
        Native.Vips.vips_error_clear();
        return new VipsException(operation, detail.Length == 0 ? "no detail from libvips" : detail);
    }

    private static string FirstLine(string text)
    {
        var end = text.IndexOf('\n', StringComparison.Ordinal);
        return end < 0 ? text : text[..end];
    }
}
