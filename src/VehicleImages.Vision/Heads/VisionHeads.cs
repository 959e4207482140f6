using System.Reflection;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using VehicleImages.Vision.Colour;

namespace VehicleImages.Vision.Heads;

/// <summary>
/// Everything trained by <c>vision train</c>: the content head (pooled features), the view head (column
/// features), the car-cell head (one cell's features: is this part of the car?) and the colour rule. Serialized as
/// one JSON file; its digest names the heads in every prediction.
/// </summary>
/// <param name="Content">Content class from the pooled features.</param>
/// <param name="View">The eight exterior views from the column features.</param>
/// <param name="CarCells">Whether one cell of the feature map is part of the car.</param>
/// <param name="Colour">The shares that name the paint.</param>
/// <param name="TrainedOn">The manifests or library the heads were trained from, for the record.</param>
public sealed record VisionHeads(LinearHead Content, LinearHead View, LinearHead CarCells, ColourRule Colour, IReadOnlyList<string> TrainedOn)
{
    public const string CarClass = "car";
    private const string ShippedResource = "VehicleImages.Vision.heads.json";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    /// <summary>The heads an operator configured (<paramref name="path"/>), else the shipped ones.</summary>
    public static VisionHeads Current(string? path) => path is null ? Shipped() : Load(path);

    /// <summary>The heads shipped inside this assembly, trained on the project's corpus.</summary>
    public static VisionHeads Shipped() =>
        TryShipped() ?? throw new InvalidOperationException("The shipped vision heads are missing from the assembly.");

    /// <summary>The shipped heads, or null in a build made before any were trained.</summary>
    public static VisionHeads? TryShipped()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ShippedResource);
        if (stream is null)
        {
            return null;
        }

        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return Read(memory.ToArray());
    }

    public static VisionHeads Load(string path) => Read(File.ReadAllBytes(path));

    public static VisionHeads Read(byte[] json) =>
        JsonSerializer.Deserialize<VisionHeads>(json, Json) ?? throw new InvalidDataException("The vision heads file is empty.");

    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, Json);

    /// <summary>"heads-" and the start of the SHA-256 of the serialized heads.</summary>
    [JsonIgnore]
    public string Version => $"heads-{Convert.ToHexStringLower(SHA256.HashData(ToJson()))[..12]}";
}
