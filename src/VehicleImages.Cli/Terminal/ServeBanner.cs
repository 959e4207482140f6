namespace VehicleImages.Cli.Terminal;

/// <summary>
/// What `serve` prints once it listens: where, the admin UI, whether vision sees new images, and on the start that
/// made the demo key, the key (shown this once: only its hash is kept) and three requests to paste.
/// </summary>
internal static class ServeBanner
{
    /// <summary>The banner; <paramref name="visionModels"/> are the models vision sees with, or null when vision is off.</summary>
    public static void Write(TextWriter writer, string address, string? demoKey, string? visionModels)
    {
        var root = address.TrimEnd('/');
        writer.WriteLine($"Vehicle Images is serving on {root}  (docs: {root}/docs, readiness: {root}/readyz)");
        writer.WriteLine(visionModels is null
            ? "Vision: off (Vision:Enabled=false): ingest keeps the labels it is given and predicts none"
            : $"Vision: on ({visionModels}): ingest fills missing views, colours and photo types and flags what is not a vehicle photo");
        writer.WriteLine($"Admin UI: {root}/admin  (sign in with a key from: ./vehicle-images keys create --name NAME --admin)");
        if (demoKey is null)
        {
            writer.WriteLine("Create a key with: ./vehicle-images keys create --name NAME");
            writer.Flush();
            return;
        }

        writer.WriteLine($"Demo key: {demoKey}  (shown this once; only its hash is kept)");
        writer.WriteLine("Try:");
        writer.WriteLine($"  curl -s \"{root}/images?key={demoKey}&make=jaguar&model=f-pace&year=2019\"");
        writer.WriteLine($"  curl -s \"{root}/images?key={demoKey}&make=ford&model=f-150&angle=side&size=Medium&format=xml\"");
        writer.WriteLine($"  curl -s -o f-pace.jpg \"$(curl -s '{root}/images?key={demoKey}&make=jaguar&model=f-pace&size=Large&transparent=false' | grep -o '\"link\":\"[^\"]*' | head -1 | cut -d'\"' -f4)\"");
        writer.Flush();
    }
}
