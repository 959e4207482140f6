namespace VehicleImages.Imaging;

/// <summary>A native imaging library (libvips, libjpeg-turbo) could not be loaded or is too old; the message says how to fix it.</summary>
public sealed class ImagingUnavailableException : Exception
{
    public ImagingUnavailableException(string message)
        : base(message)
    {
    }

    public ImagingUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ImagingUnavailableException()
        : base("A native imaging library is unavailable.")
    {
    }
}
