namespace VehicleImages.Vision.Heads;

/// <summary>Where <c>vision train</c> writes an operator's own heads, and where the service looks for them.</summary>
public static class VisionHeadsFile
{
    public const string RelativePath = "vision/heads.json";

    public static string PathIn(string dataDirectory) => Path.Combine(dataDirectory, RelativePath);

    /// <summary>The data folder's own heads when <c>vision train</c> has written them; null to use the shipped heads.</summary>
    public static string? InDataDirectory(string dataDirectory) => File.Exists(PathIn(dataDirectory)) ? PathIn(dataDirectory) : null;
}
