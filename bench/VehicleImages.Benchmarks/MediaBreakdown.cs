using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using VehicleImages.Api.Media;
using VehicleImages.Application.Media;
using VehicleImages.Application.Renditions;
using VehicleImages.Benchmarks.Common;
using VehicleImages.Domain.Images;
using VehicleImages.Domain.Renditions;
using VehicleImages.Imaging;
using VehicleImages.Storage;

namespace VehicleImages.Benchmarks;

/// <summary>
/// `media-breakdown --data DIR --size Small`: where the time of one warm /media request goes, one thread, no HTTP:
/// each step the endpoint takes before Kestrel writes the bytes, in its order, with what a miss costs instead. Explains bench/media.
/// </summary>
internal static class MediaBreakdown
{
    public static async Task<int> RunAsync(CommandLine options)
    {
        var storage = new StorageOptions { DataDirectory = options.Required("--data") };
        var size = Enum.Parse<RenditionSize>(options.Optional("--size") ?? "Small", ignoreCase: true);
        var passes = options.Int("--passes", 3);
        var images = (await LibraryImages.ListAsync(storage, size)).Where(i => File.Exists(i.RenditionPath(storage))).ToList();
        var key = new byte[32];
        var media = new MediaOptions();
        var signer = new LinkSigner([new SigningKey(key)], media.LongestLinkLife, media.PermanentLinkGracePeriod);
        var links = new MediaLinks(signer, media, TimeProvider.System);
        var catalog = await StorageFactory.OpenCatalogAsync(storage, CancellationToken.None);
        var blobs = StorageFactory.OpenBlobStore(storage);
        using var gate = new RenderGate(1, 1);
        var renditions = new RenditionService(blobs, new ImageProcessor(new ImagingOptions()), gate);
        var signed = images.Select(i =>
        {
            var link = i.Link(links);
            var query = link[(link.IndexOf('?', StringComparison.Ordinal) + 1)..].Split('&').Select(p => p.Split('=')).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
            return (Path: MediaLinks.PathOf(i.Id, MediaVariant.Rendition(i.Spec)), Expires: long.Parse(query["exp"], CultureInfo.InvariantCulture), Signature: query["sig"]);
        }).ToList();
        var found = new VehicleImage[images.Count];
        var ensured = new RenditionBlob[images.Count];

        var rows = new List<(string Name, double Micros)>();
        async Task Time(string name, Func<int, Task> call)
        {
            for (var i = 0; i < images.Count; i++)
            {
                await call(i);
            }

            var best = double.MaxValue;
            for (var pass = 0; pass < passes; pass++)
            {
                var clock = Stopwatch.StartNew();
                for (var i = 0; i < images.Count; i++)
                {
                    await call(i);
                }

                best = Math.Min(best, clock.Elapsed.TotalMicroseconds / images.Count);
            }

            rows.Add((name, best));
        }

        await Time("parse the ID and variant, check the signature (a link verified before: remembered)", i =>
        {
            _ = ImageId.TryParse(images[i].Id.ToString(), out _);
            _ = MediaVariant.TryParse(MediaVariant.Rendition(images[i].Spec).Segment, out _);
            if (!signer.Verify(signed[i].Path, signed[i].Expires, signed[i].Signature, DateTimeOffset.UtcNow))
            {
                throw new InvalidOperationException("The breakdown's own link did not verify.");
            }

            return Task.CompletedTask;
        });
        await Time("  a link's first check: its HMAC-SHA256", i =>
        {
            _ = signer.Sign(signed[i].Path, signed[i].Expires);
            return Task.CompletedTask;
        });
        var mediaImages = new MediaImages(catalog, TimeProvider.System);
        await Time("MediaImages.FindAsync, warm: the image from memory (what the endpoint does since the image was first served)", async i =>
            found[i] = await mediaImages.FindAsync(images[i].Id, CancellationToken.None) ?? throw new InvalidOperationException("image missing"));
        await Time("  on a miss: ICatalog.FindImageAsync, the image's row (SQLite by rowid, 28 columns → VehicleImage)", async i =>
            _ = await catalog.FindImageAsync(images[i].Id, CancellationToken.None) ?? throw new InvalidOperationException("image missing"));
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={storage.CatalogPath};Mode=ReadOnly"))
        {
            await connection.OpenAsync();
            await Time("    of which: the SQL alone (one open connection, every column read, no mapping)", async i =>
            {
                await using var command = connection.CreateCommand();
                command.CommandText = "SELECT id, sha256, configuration_id, view, photo_type, colour_name, colour, source, provenance, vin, sequence, registration, " +
                    "license, license_note, attribution, context_link, date_published, format, width, height, byte_size, has_alpha, " +
                    "accent_colour, phash, quality_issues, duplicate_of, renditions, ingested_at FROM images WHERE id = @id";
                command.Parameters.AddWithValue("@id", images[i].Id.Value);
                await using var reader = await command.ExecuteReaderAsync();
                var values = new object[reader.FieldCount];
                while (await reader.ReadAsync())
                {
                    reader.GetValues(values);
                }
            });
        }

        using var memory = new RenditionMemory(new MediaOptions());
        await Time("RenditionMemory: the rendition's bytes from memory (a rendition served before)", async i =>
        {
            if (!memory.TryGet(found[i].Hash, images[i].Spec, out _))
            {
                var blob = await renditions.EnsureAsync(found[i], images[i].Spec, CancellationToken.None);
                var bytes = await blobs.GetAsync(blob.Key, CancellationToken.None) ?? throw new InvalidOperationException("blob missing");
                memory.Remember(found[i].Hash, images[i].Spec, new ServedRendition(blob, bytes, new Microsoft.Net.Http.Headers.EntityTagHeaderValue("\"x\"")));
            }
        });
        await Time("  on a miss: RenditionService.EnsureAsync, a stat of the rendition blob", async i =>
            ensured[i] = await renditions.EnsureAsync(found[i], images[i].Spec, CancellationToken.None));
        await Time("  then: read the file whole (IBlobStore.GetAsync, synchronous)", async i =>
            _ = await blobs.GetAsync(ensured[i].Key, CancellationToken.None) ?? throw new InvalidOperationException("blob missing"));
        await Time("  then: the ETag, a SHA-256 of the blob key", i =>
        {
            _ = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ensured[i].Key)))[..32];
            return Task.CompletedTask;
        });

        VehicleImages.Storage.StorageFactory.CloseSqliteConnections();
        Console.WriteLine();
        Console.WriteLine($"Where one warm /media request's time goes before Kestrel (one thread, no HTTP, {images.Count} {size} renditions, best of {passes} passes):");
        Console.WriteLine();
        Console.WriteLine("| step | µs per request |");
        Console.WriteLine("|---|---|");
        foreach (var (name, micros) in rows)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {micros:0.0} |"));
        }

        return 0;
    }
}
