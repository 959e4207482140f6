using System.Globalization;
using System.Text;
using VehicleImages.Domain.Colours;
using VehicleImages.Domain.Images;
using VehicleImages.Domain.Quality;
using VehicleImages.Domain.Renditions;
using VehicleImages.Domain.Search;
using VehicleImages.Domain.Vehicles;
using VehicleImages.Storage.Catalog;

namespace VehicleImages.Benchmarks.CatalogScale;

/// <summary>
/// A generated library of any size, the same for a given seed, with the skew a real one has: model popularity follows
/// Zipf's law, so the most popular of 1000 models holds about an eighth of all images, and a search for it is the
/// expensive case. No pixels and no blobs: only what the catalog stores.
/// </summary>
internal sealed class ScaleLibrary
{
    public const int Makes = 50;
    public const int ModelsPerMake = 20;

    private static readonly View[] Gallery =
        [View.FrontLeft, View.Front, View.FrontRight, View.Right, View.RearRight, View.Rear, View.RearLeft, View.Left, View.Interior, View.Engine];

    private static readonly GenericColour[] Colours =
        [GenericColour.White, GenericColour.Black, GenericColour.Silver, GenericColour.Grey, GenericColour.Blue, GenericColour.Red, GenericColour.Green];

    private static readonly string[] Trims = ["Base", "S", "SE", "Sport", "Limited"];

    private readonly (string Make, string Model)[] _models;
    private readonly double[] _cumulative;

    public ScaleLibrary()
    {
        _models = [.. Enumerable.Range(0, Makes * ModelsPerMake).Select(m => (Make(m / ModelsPerMake), Model(m)))];

        // Zipf with s = 1: model k (from 1) is chosen with weight 1/k.
        var weights = Enumerable.Range(1, _models.Length).Select(k => 1.0 / k).ToArray();
        var total = weights.Sum();
        var running = 0.0;
        _cumulative = [.. weights.Select(w => running += w / total)];
    }

    /// <summary>The most popular model: the search that reads the most candidates.</summary>
    public (string Make, string Model) Popular => _models[0];

    /// <summary>Images number <paramref name="from"/> up to (not including) <paramref name="to"/>, in batches.</summary>
    public IEnumerable<List<CatalogEntry>> Batches(int from, int to, int batchSize)
    {
        var batch = new List<CatalogEntry>(batchSize);
        for (var i = from; i < to; i++)
        {
            batch.Add(Entry(i));
            if (batch.Count == batchSize)
            {
                yield return batch;
                batch = new List<CatalogEntry>(batchSize);
            }
        }

        if (batch.Count > 0)
        {
            yield return batch;
        }
    }

    /// <summary>
    /// /images requests as the CarsXE family builds them (defaults: exterior, validated, transparent first, ten
    /// results), for models drawn by popularity as traffic would be: make and model only, with a year, with a year
    /// and a colour.
    /// </summary>
    public List<ImageSearch> Searches(int count, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(q =>
        {
            var (make, model) = _models[Pick(random.NextDouble())];
            var year = q % 4 == 0 ? (int?)null : 2015 + random.Next(10);
            return new ImageSearch
            {
                Make = make,
                Model = model,
                Year = year,
                Colour = q % 4 == 3 ? Colours[random.Next(Colours.Length)] : null,
                PreferTransparent = true,
                GoodOnly = true,
                Limit = 10,
            };
        })];
    }

    public ImageSearch PopularSearch() => new() { Make = Popular.Make, Model = Popular.Model, PreferTransparent = true, GoodOnly = true, Limit = 10 };

    private CatalogEntry Entry(int index)
    {
        // Everything about image i comes from i alone, so any range can be generated again in any order.
        var random = new Random(index);
        var (make, model) = _models[Pick(random.NextDouble())];
        var firstYear = 2015 + random.Next(8);
        var configuration = new VehicleConfiguration(make, model, Trims[random.Next(Trims.Length)], "SUV", new YearRange(firstYear, firstYear + 2));
        var hash = ContentHash.Of(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"scale/{index}")));
        var view = Gallery[random.Next(Gallery.Length)];
        var (width, height) = random.Next(3) == 0 ? (1918, 1280) : (1024, 683);
        var hasAlpha = random.Next(20) == 0;
        var image = new VehicleImage
        {
            Id = hash.ImageId,
            Hash = hash,
            ConfigurationId = configuration.Id,
            View = view,
            PhotoType = ViewNames.PhotoTypeOf(view),
            Colour = Colours[random.Next(Colours.Length)],
            Source = (ImageSource)random.Next(4),
            License = (License)random.Next(1, 6),
            Format = ImageFormat.Jpeg,
            Width = width,
            Height = height,
            ByteSize = width * height / 3,
            HasAlpha = hasAlpha,
            AccentColour = string.Create(CultureInfo.InvariantCulture, $"{random.Next(0x1000000):X6}"),
            PerceptualHash = (ulong)random.NextInt64(),
            Quality = random.Next(10) == 0 ? new QualityVerdict(QualityIssues.Blurred) : QualityVerdict.Good,
            Renditions = Renditions(width, height, hasAlpha),
            IngestedAt = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero),
        };
        return new CatalogEntry(configuration, image);
    }

    // The standard sizes as ingest records them, so rows are as wide as real ones.
    private static List<StoredRendition> Renditions(int width, int height, bool hasAlpha)
    {
        var made = new List<StoredRendition>();
        foreach (var spec in RenditionSizes.Standard.Select(size => RenditionSpec.Default(size, hasAlpha).Canonical(width, height, hasAlpha)).Distinct())
        {
            var (w, h) = spec.Size.Fit(width, height);
            made.Add(new StoredRendition(spec, w, h, w * h / 5));
        }

        return made;
    }

    private int Pick(double uniform)
    {
        var found = Array.BinarySearch(_cumulative, uniform);
        return Math.Min(found < 0 ? ~found : found, _cumulative.Length - 1);
    }

    private static string Make(int m) => string.Create(CultureInfo.InvariantCulture, $"Make{m:00}");

    private static string Model(int m) => string.Create(CultureInfo.InvariantCulture, $"Model {m:0000}");
}
