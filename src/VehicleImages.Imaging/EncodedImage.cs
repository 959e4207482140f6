using VehicleImages.Domain.Images;

namespace VehicleImages.Imaging;

/// <summary>Encoded bytes and the dimensions they really have.</summary>
public sealed record EncodedImage(byte[] Bytes, ImageFormat Format, int Width, int Height);
