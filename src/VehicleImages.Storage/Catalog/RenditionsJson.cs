using System.Text.Json;
using VehicleImages.Domain.Images;
using VehicleImages.Domain.Renditions;

namespace VehicleImages.Storage.Catalog;

/// <summary>An image's stored renditions as every backend keeps them: one JSON array in the image's row.</summary>
internal static class RenditionsJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Write(IEnumerable<StoredRendition> renditions) =>
        JsonSerializer.Serialize(renditions.Select(Entry.Of).ToArray(), Options);

    public static IReadOnlyList<StoredRendition> Read(string json) =>
        [.. (JsonSerializer.Deserialize<Entry[]>(json, Options) ?? []).Select(r => r.ToDomain())];

    /// <summary>One rendition in the array: short names, because there are five per row.</summary>
    private sealed record Entry(int S, int B, int F, int W, int H, long N)
    {
        public static Entry Of(StoredRendition rendition) =>
            new((int)rendition.Spec.Size, (int)rendition.Spec.Background, (int)rendition.Spec.Format, rendition.Width, rendition.Height, rendition.ByteSize);

        public StoredRendition ToDomain() => new(new RenditionSpec((RenditionSize)S, (Background)B, (ImageFormat)F), W, H, N);
    }
}
