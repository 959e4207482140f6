namespace VehicleImages.Application.Vins;

/// <summary>Where the vPIC database lives, bound from the "Vin" configuration section.</summary>
public sealed class VinOptions
{
    public const string Section = "Vin";

    /// <summary>The folder holding vpic.lite.db and its manifest; unset: "vpic" inside the data folder.</summary>
    public string? VpicDirectory { get; set; }

    public string VpicDirectoryFor(string dataDirectory) =>
        string.IsNullOrWhiteSpace(VpicDirectory) ? Path.Combine(dataDirectory, "vpic") : VpicDirectory;
}
