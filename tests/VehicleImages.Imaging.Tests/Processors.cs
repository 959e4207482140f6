namespace VehicleImages.Imaging.Tests;

/// <summary>One processor with default options for the whole test run; libvips is process-wide anyway.</summary>
internal static class Processors
{
    private static readonly Lazy<ImageProcessor> Shared = new(() => new ImageProcessor(new ImagingOptions()));

    public static ImageProcessor Default => Shared.Value;
}
