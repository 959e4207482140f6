namespace VehicleImages.Application.Media;

/// <summary>A media signing secret: in use (no retirement time), or retired at a known time and verifying for a while longer.</summary>
public sealed record SigningKey(byte[] Secret, DateTimeOffset? RetiredAt = null)
{
    public const int MinimumBytes = 32;

    public bool InUse => RetiredAt is null;
}
