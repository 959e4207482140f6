namespace VehicleImages.Application.Vision;

/// <summary>
/// The model runtime failed on one image. Ingest keeps the image, without a prediction and with a warning, rather
/// than losing the batch; a later backfill sees it again.
/// </summary>
public sealed class VisionFailedException : Exception
{
    public VisionFailedException(string message)
        : base(message)
    {
    }

    public VisionFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public VisionFailedException()
    {
    }
}
