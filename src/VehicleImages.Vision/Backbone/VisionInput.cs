using VehicleImages.Imaging;

namespace VehicleImages.Vision.Backbone;

/// <summary>One image as the heads read it: the backbone's square input and its feature map.</summary>
public sealed record VisionInput(PixelBuffer Square, FeatureMap Map)
{
    public static VisionInput Of(ResNetBackbone backbone, PixelBuffer pixels)
    {
        ArgumentNullException.ThrowIfNull(backbone);
        var square = BackboneInput.Square(pixels);
        return new VisionInput(square, backbone.Run(square));
    }

    /// <summary>The same image mirrored left to right: training doubles its examples with it.</summary>
    public VisionInput Mirrored(ResNetBackbone backbone)
    {
        ArgumentNullException.ThrowIfNull(backbone);
        var mirrored = BackboneInput.Mirrored(Square);
        return new VisionInput(mirrored, backbone.Run(mirrored));
    }
}
