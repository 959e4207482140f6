using VehicleImages.Benchmarks.Common;
using VehicleImages.Domain.Renditions;
using VehicleImages.Storage;

namespace VehicleImages.Benchmarks;

/// <summary>
/// `sign-links --data DIR --signing-key B64 --size Small --ours FILE --files FILE`: for every image whose default
/// rendition of the size exists in the blob folder, its signed /media link (for our server) and the rendition's path
/// under the blob folder (for nginx serving the same files), line for line.
/// </summary>
internal static class SignLinks
{
    public static async Task<int> RunAsync(CommandLine options)
    {
        var storage = new StorageOptions { DataDirectory = options.Required("--data") };
        var size = Enum.Parse<RenditionSize>(options.Optional("--size") ?? "Small", ignoreCase: true);
        var links = LibraryImages.Links(options.Required("--signing-key"));
        var images = (await LibraryImages.ListAsync(storage, size)).Where(i => File.Exists(i.RenditionPath(storage))).ToList();
        await File.WriteAllLinesAsync(options.Required("--ours"), images.Select(i => i.Link(links)));
        await File.WriteAllLinesAsync(options.Required("--files"), images.Select(i => "/" + i.RenditionKey));
        var bytes = images.Select(i => (double)new FileInfo(i.RenditionPath(storage)).Length).ToList();
        Console.Error.WriteLine($"sign-links: {images.Count} {size} renditions on disk, {Stats.Median(bytes) / 1024:0.0} KiB median, {bytes.Sum() / images.Count / 1024:0.0} KiB mean");
        return images.Count > 0 ? 0 : 1;
    }
}
