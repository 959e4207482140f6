using System.Diagnostics;
using System.Globalization;
using System.Text;
using VehicleImages.Benchmarks.Common;
using VehicleImages.Domain.Colours;
using VehicleImages.Domain.Images;
using VehicleImages.Domain.Quality;
using VehicleImages.Domain.Renditions;
using VehicleImages.Domain.Vehicles;
using VehicleImages.Storage;
using VehicleImages.Storage.Catalog;

namespace VehicleImages.Benchmarks;

/// <summary>
/// `generate-catalog`: a large catalog of generated metadata (no blobs) for API throughput measurements. Images are
/// spread over real make names, generated model names, several trims and model years each, with the views, colours,
/// sources, licences and quality verdicts a real library has. Every image records its standard renditions exactly
/// as ingest would (sizes canonicalised, dimensions fitted, plausible byte sizes), so /images?size=Small (or
/// Thumbnail, Medium, Large) answers from the catalog alone and never reads a blob.
/// </summary>
internal static class CatalogGenerator
{
    private static readonly string[] Makes =
    [
        "Acura", "Alfa Romeo", "Aston Martin", "Audi", "Bentley", "BMW", "Buick", "Cadillac", "Chevrolet", "Chrysler",
        "Citroën", "Dacia", "Dodge", "Ferrari", "Fiat", "Ford", "Genesis", "GMC", "Honda", "Hyundai",
        "Infiniti", "Jaguar", "Jeep", "Kia", "Lamborghini", "Land Rover", "Lexus", "Lincoln", "Maserati", "Mazda",
        "McLaren", "Mercedes-Benz", "MINI", "Mitsubishi", "Nissan", "Opel", "Peugeot", "Polestar", "Porsche", "Ram",
        "Renault", "Rolls-Royce", "SEAT", "Škoda", "Subaru", "Suzuki", "Tesla", "Toyota", "Volkswagen", "Volvo",
    ];

    private static readonly string[] Syllables =
        ["ar", "ba", "ce", "do", "el", "fa", "ga", "ki", "lo", "ma", "no", "ra", "sa", "ti", "va", "ze", "qu", "ri", "on", "ex"];

    private static readonly string[] ModelSuffixes = ["", "", "", " Sport", " Cross", " GT", " Hybrid", " e", " 4x4", " Coupe"];

    private static readonly string[] Trims = ["Base", "S", "SE", "SEL", "Sport", "Limited", "Touring", "Premium", "GT", "Platinum", "R-Line", "AMG Line"];

    private static readonly string[] Bodies = ["Sedan", "SUV", "Hatchback", "Coupe", "Convertible", "Wagon", "Pickup", "Van"];

    private static readonly string[] ColourNames =
        ["Glacier White", "Obsidian Black", "Lunar Silver", "Magnetic Grey", "Deep Blue", "Flame Red", "Racing Green", "Copper Brown", "Desert Beige", "Sunset Orange"];

    private static readonly GenericColour[] Colours =
        [GenericColour.White, GenericColour.Black, GenericColour.Silver, GenericColour.Grey, GenericColour.Blue, GenericColour.Red, GenericColour.Green, GenericColour.Brown, GenericColour.Beige, GenericColour.Orange];

    // A gallery: the eight exterior views first, then interior and engine shots.
    private static readonly View[] Gallery =
        [View.FrontLeft, View.Front, View.FrontRight, View.Right, View.RearRight, View.Rear, View.RearLeft, View.Left, View.Interior, View.Interior2, View.Engine];

    // Original sizes as libraries hold them: studio shots, dealer photos, press shots, web photos.
    private static readonly (int Width, int Height)[] OriginalSizes = [(1918, 1280), (1600, 1067), (2048, 1365), (1024, 683), (800, 533), (4000, 2667)];

    public static async Task<int> RunAsync(CommandLine options)
    {
        var data = options.Required("--data");
        var images = options.Int("--images", 100_000);
        var makes = options.Int("--makes", 50);
        var modelsPerMake = options.Int("--models-per-make", 20);
        var batchSize = options.Int("--batch", 5_000);
        var seed = options.Int("--seed", 1);
        var pathsOut = options.Required("--paths-out");
        var size = options.Optional("--size") ?? "Small";
        if (makes > Makes.Length)
        {
            throw new ArgumentException($"At most {Makes.Length} makes.", nameof(options));
        }

        var random = new Random(seed);
        var models = new List<(string Make, string Model, string Body, List<VehicleConfiguration> Configurations)>();
        foreach (var make in Makes.Take(makes))
        {
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            while (names.Count < modelsPerMake)
            {
                names.Add(ModelName(random));
            }

            foreach (var model in names)
            {
                var body = Bodies[random.Next(Bodies.Length)];
                var trims = Trims.OrderBy(_ => random.Next()).Take(random.Next(2, 5)).ToList();
                var firstYear = random.Next(2008, 2022);
                var years = random.Next(3, 6);
                var configurations = new List<VehicleConfiguration>();
                foreach (var trim in trims)
                {
                    for (var year = firstYear; year < firstYear + years; year++)
                    {
                        configurations.Add(new VehicleConfiguration(make, model, trim, body, new YearRange(year, year)));
                    }
                }

                models.Add((make, model, body, configurations));
            }
        }

        var clock = Stopwatch.StartNew();
        // --catalog names a PostgreSQL database (as Storage:Catalog does); without it the catalog is the data folder's SQLite file.
        var catalog = await StorageFactory.OpenCatalogAsync(new StorageOptions { DataDirectory = data, Catalog = options.Optional("--catalog") }, CancellationToken.None);
        var batch = new List<CatalogEntry>(batchSize);
        var made = 0;
        var ingestedAt = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < images; i++)
        {
            // Round-robin over models so each holds images / models of them; within a model, round-robin over its
            // configurations, each configuration getting a gallery in view order.
            var (_, _, _, configurations) = models[i % models.Count];
            var inModel = i / models.Count;
            var configuration = configurations[inModel % configurations.Count];
            var view = Gallery[inModel / configurations.Count % Gallery.Length];
            batch.Add(new CatalogEntry(configuration, Image(random, configuration, view, seed, i, ingestedAt)));
            if (batch.Count == batchSize || i == images - 1)
            {
                await catalog.AddAsync(batch, CancellationToken.None);
                made += batch.Count;
                batch.Clear();
            }
        }

        var counts = await catalog.CountAsync(CancellationToken.None);
        VehicleImages.Storage.StorageFactory.CloseSqliteConnections();

        // The request mix: every make/model pair, shuffled so consecutive requests hit different makes.
        var paths = models
            .Select(m => $"/images?make={Uri.EscapeDataString(m.Make)}&model={Uri.EscapeDataString(m.Model)}&size={size}")
            .OrderBy(_ => random.Next())
            .ToList();
        await File.WriteAllLinesAsync(pathsOut, paths, new UTF8Encoding(false));

        var perModel = models.Select(m => m.Configurations.Count).ToList();
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"generate-catalog: {counts.Images} images ({counts.GoodImages} good), {counts.Configurations} configurations, {makes} makes, {models.Count} models " +
            $"(~{images / models.Count} images and {Stats.Median(perModel.Select(c => (double)c)):0} configurations per model), {clock.Elapsed.TotalSeconds:0.0} s; {paths.Count} request paths in {pathsOut}"));
        return made == images ? 0 : 1;
    }

    private static string ModelName(Random random)
    {
        var text = new StringBuilder();
        for (var s = random.Next(2, 4); s > 0; s--)
        {
            text.Append(Syllables[random.Next(Syllables.Length)]);
        }

        text[0] = char.ToUpperInvariant(text[0]);
        if (random.Next(4) == 0)
        {
            text.Append(CultureInfo.InvariantCulture, $" {random.Next(1, 10) * 100}");
        }

        return text + ModelSuffixes[random.Next(ModelSuffixes.Length)];
    }

    private static VehicleImage Image(Random random, VehicleConfiguration configuration, View view, int seed, int index, DateTimeOffset ingestedAt)
    {
        var hash = ContentHash.Of(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"bench-catalog/{seed}/{index}")));
        var (width, height) = OriginalSizes[random.Next(OriginalSizes.Length)];
        var colour = random.Next(Colours.Length);
        var source = (ImageSource)random.Next(4);
        var roll = random.Next(100);
        var quality = roll switch
        {
            < 90 => QualityVerdict.Good,
            < 94 => new QualityVerdict(QualityIssues.TooSmall),
            < 97 => new QualityVerdict(QualityIssues.Blurred),
            _ => new QualityVerdict(QualityIssues.NearDuplicate),
        };

        return new VehicleImage
        {
            Id = hash.ImageId,
            Hash = hash,
            ConfigurationId = configuration.Id,
            View = view,
            PhotoType = ViewNames.PhotoTypeOf(view),
            ColourName = ColourNames[colour],
            Colour = Colours[colour],
            Source = source,
            Vin = source == ImageSource.Retail ? "SADCM2FV6KA360455" : null,
            Sequence = source == ImageSource.Retail ? random.Next(1, 30) : null,
            License = (License)random.Next(1, 6),
            Attribution = random.Next(3) == 0 ? "Bench Photo Studio" : null,
            ContextLink = string.Create(CultureInfo.InvariantCulture, $"https://dealer{random.Next(1, 500)}.example.com/inventory/{index}"),
            DatePublished = new DateOnly(2015, 1, 1).AddDays(random.Next(0, 4000)),
            Format = ImageFormat.Jpeg,
            Width = width,
            Height = height,
            ByteSize = (long)(width * height * 0.35),
            HasAlpha = false,
            AccentColour = string.Create(CultureInfo.InvariantCulture, $"{random.Next(0x1000000):X6}"),
            PerceptualHash = BitConverter.ToUInt64(hash.Hex.Select(c => (byte)c).Take(8).ToArray()),
            Quality = quality,
            Renditions = Renditions(random, width, height),
            IngestedAt = ingestedAt,
        };
    }

    // What ingest records: each standard size canonicalised (a box the original fits in is the Original), made once.
    private static List<StoredRendition> Renditions(Random random, int width, int height)
    {
        var made = new List<StoredRendition>();
        foreach (var size in RenditionSizes.Standard)
        {
            var spec = RenditionSpec.Default(size, hasAlpha: false).Canonical(width, height, hasAlpha: false);
            if (made.Any(r => r.Spec == spec))
            {
                continue;
            }

            var (w, h) = spec.Size.Fit(width, height);
            made.Add(new StoredRendition(spec, w, h, (long)(w * h * (0.18 + random.NextDouble() * 0.1))));
        }

        return made;
    }
}
