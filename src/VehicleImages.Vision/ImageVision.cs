using Microsoft.ML.OnnxRuntime;
using VehicleImages.Application.Vision;
using VehicleImages.Domain.Vision;
using VehicleImages.Imaging;
using VehicleImages.Vision.Backbone;
using VehicleImages.Vision.Heads;

namespace VehicleImages.Vision;

/// <summary>
/// The vision stage: the backbone loaded once, the heads, and a bound on how many inferences run at once, so
/// vision never takes more cores than it was given however many ingests run.
/// </summary>
public sealed class ImageVision : IImageVision, IDisposable
{
    private readonly ResNetBackbone _backbone;
    private readonly VisionHeads _heads;
    private readonly SemaphoreSlim _slots;

    public ImageVision(VisionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _backbone = new ResNetBackbone(options.ModelDirectory ?? DefaultModelDirectory, threadsPerInference: 1);
        _heads = VisionHeads.Current(options.HeadsPath);
        _slots = new SemaphoreSlim(Math.Max(1, options.MaxConcurrentInferences));
        Models = $"{ResNetBackbone.Version}+{_heads.Version}";
    }

    /// <summary>The models folder the build copies beside the program.</summary>
    public static string DefaultModelDirectory => Path.Combine(AppContext.BaseDirectory, "models");

    public string Models { get; }

    public VisionPrediction See(PixelBuffer pixels)
    {
        _slots.Wait();
        try
        {
            return HeadReader.Read(_heads, VisionInput.Of(_backbone, pixels), Models);
        }
        catch (OnnxRuntimeException e)
        {
            throw new VisionFailedException($"vision failed on this image: {e.Message}", e);
        }
        finally
        {
            _slots.Release();
        }
    }

    public void Dispose()
    {
        _backbone.Dispose();
        _slots.Dispose();
    }
}
