namespace VehicleImages.Imaging.Vips;

/// <summary>libvips could not be loaded or is too old; the message says how to fix it.</summary>
public sealed class VipsUnavailableException : Exception
{
    public VipsUnavailableException(string message)
        : base(message)
    {
    }

    public VipsUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public VipsUnavailableException()
        : base("libvips is unavailable.")
    {
    }
}
