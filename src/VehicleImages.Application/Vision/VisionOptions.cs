using VehicleImages.Domain.Vision;

namespace VehicleImages.Application.Vision;

/// <summary>The vision stage's settings, bound from the "Vision" configuration section.</summary>
public sealed class VisionOptions
{
    public const string Section = "Vision";

    /// <summary>Off: ingest works as before, without predictions, and says so at start-up and in /readyz.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Inferences at once; more wait. Each runs on one thread, so this bounds the cores vision takes.</summary>
    public int MaxConcurrentInferences { get; set; } = Math.Max(1, Environment.ProcessorCount);

    /// <summary>Heads retrained by <c>vision train</c> to use instead of the shipped ones.</summary>
    public string? HeadsPath { get; set; }

    /// <summary>Where the backbone's ONNX files are; by default the models folder beside the program.</summary>
    public string? ModelDirectory { get; set; }

    /// <summary>Below this probability of being a vehicle photo an image is not served by default (not_vehicle_photo).</summary>
    public double MinVehiclePhotoScore { get; set; } = VisionPolicy.Default.MinVehiclePhotoScore;

    /// <summary>A prediction contradicts a given view or photo type when at least this probable.</summary>
    public double MinMismatchScore { get; set; } = VisionPolicy.Default.MinMismatchScore;

    public VisionPolicy Policy => VisionPolicy.Default with
    {
        MinVehiclePhotoScore = MinVehiclePhotoScore,
        MinMismatchScore = MinMismatchScore,
    };
}
