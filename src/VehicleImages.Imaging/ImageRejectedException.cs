namespace VehicleImages.Imaging;

/// <summary>Why an input was refused before or during decoding.</summary>
public enum RejectionReason
{
    Empty,
    TooManyBytes,
    NotAnImage,
    UnsupportedFormat,
    TooManyPixels,
    TooManyPages,
    TooManyScans,
    Corrupt,
}

/// <summary>An input the service will not process, with a one-line reason fit to show the person who sent it.</summary>
public sealed class ImageRejectedException : Exception
{
    public ImageRejectedException(RejectionReason reason, string message)
        : base(message) => Reason = reason;

    public ImageRejectedException(RejectionReason reason, string message, Exception innerException)
        : base(message, innerException) => Reason = reason;

    public ImageRejectedException()
        : this(RejectionReason.NotAnImage, "not an image")
    {
    }

    public ImageRejectedException(string message)
        : this(RejectionReason.NotAnImage, message)
    {
    }

    public ImageRejectedException(string message, Exception innerException)
        : this(RejectionReason.NotAnImage, message, innerException)
    {
    }

    public RejectionReason Reason { get; }
}
