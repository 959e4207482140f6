using VehicleImages.Domain.Colours;
using VehicleImages.Domain.Images;
using VehicleImages.Domain.Quality;
using VehicleImages.Domain.Search;
using VehicleImages.Domain.Text;
using VehicleImages.Domain.Vehicles;
using VehicleImages.Storage.Catalog;

namespace VehicleImages.Storage.Tests.Catalog;

/// <summary>How every catalog searches: filters, forgiving names, and exactly the order of <see cref="ImageRanking"/>.</summary>
public abstract class CatalogSearchContract : IAsyncLifetime
{
    protected ICatalog Catalog { get; private set; } = null!;

    protected static CancellationToken Cancel => TestContext.Current.CancellationToken;

    protected abstract Task<ICatalog> OpenEmptyAsync();

    public async ValueTask InitializeAsync() => Catalog = await OpenEmptyAsync();

    public async ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        await CloseAsync();
    }

    protected virtual ValueTask CloseAsync() => ValueTask.CompletedTask;

    [Theory]
    [InlineData("jaguar", "f-pace")]
    [InlineData("JAGUAR", "F PACE")]
    [InlineData(" Jaguar ", "FPace")]
    public async Task Make_and_model_match_forgivingly(string make, string model)
    {
        var fpace = SampleImages.Configuration();
        var ftype = SampleImages.Configuration(model: "F-TYPE");
        await Catalog.AddAsync([new(fpace, SampleImages.Image(fpace, "a")), new(ftype, SampleImages.Image(ftype, "b"))], Cancel);

        var found = await Catalog.SearchAsync(new ImageSearch { Make = make, Model = model }, Cancel);

        Assert.Equal("F-PACE", Assert.Single(found).Configuration.Model);
    }

    [Theory]
    [InlineData(2016, true)]
    [InlineData(2019, true)]
    [InlineData(2020, true)]
    [InlineData(2021, false)]
    public async Task A_year_matches_a_configurations_year_range(int year, bool found)
    {
        var configuration = SampleImages.Configuration(from: 2016, to: 2020);
        await Catalog.AddAsync([new(configuration, SampleImages.Image(configuration, "a"))], Cancel);

        var results = await Catalog.SearchAsync(new ImageSearch { Make = "Jaguar", Model = "F-PACE", Year = year }, Cancel);

        Assert.Equal(found, results.Count == 1);
    }

    [Fact]
    public async Task Configurations_without_years_match_any_year_after_those_with()
    {
        var dated = SampleImages.Configuration(from: 2019, to: 2019);
        var undated = new VehicleConfiguration("Jaguar", "F-PACE", "S", "SUV", null);
        await Catalog.AddAsync([new(undated, SampleImages.Image(undated, "u")), new(dated, SampleImages.Image(dated, "d"))], Cancel);

        var results = await Catalog.SearchAsync(new ImageSearch { Make = "Jaguar", Model = "F-PACE", Year = 2019 }, Cancel);

        Assert.Equal([dated.Id, undated.Id], results.Select(r => r.Configuration.Id));
    }

    [Fact]
    public async Task Views_photo_type_licence_and_quality_filter()
    {
        var c = SampleImages.Configuration();
        await Catalog.AddAsync(
            [
                new(c, SampleImages.Image(c, "front") with { View = View.Front }),
                new(c, SampleImages.Image(c, "side") with { View = View.Left }),
                new(c, SampleImages.Image(c, "cabin") with { View = View.Interior, PhotoType = PhotoType.Interior }),
                new(c, SampleImages.Image(c, "nc") with { View = View.Front, License = License.Modify }),
                new(c, SampleImages.Image(c, "bad") with { View = View.Front, Quality = new QualityVerdict(QualityIssues.Blurred) }),
            ],
            Cancel);
        var fronts = new HashSet<View> { View.Front };

        Assert.Equal(3, (await Catalog.SearchAsync(new ImageSearch { Make = "Jaguar", Model = "F-PACE", Views = fronts, GoodOnly = false }, Cancel)).Count);
        Assert.Equal(2, (await Catalog.SearchAsync(new ImageSearch { Make = "Jaguar", Model = "F-PACE", Views = fronts }, Cancel)).Count);
        Assert.Single(await Catalog.SearchAsync(new ImageSearch { Make = "Jaguar", Model = "F-PACE", PhotoType = PhotoType.Interior }, Cancel));
        Assert.Equal(
            ["nc"],
            (await Catalog.SearchAsync(new ImageSearch { Make = "Jaguar", Model = "F-PACE", Views = fronts, License = License.Modify }, Cancel))
                .Select(r => r.Image.Hash).Select(h => Seeds[h]));
    }

    [Fact]
    public async Task At_most_the_limit_is_returned()
    {
        var c = SampleImages.Configuration();
        await Catalog.AddAsync([.. Enumerable.Range(0, 15).Select(i => new CatalogEntry(c, SampleImages.Image(c, $"img{i}")))], Cancel);

        Assert.Equal(10, (await Catalog.SearchAsync(new ImageSearch { Make = "Jaguar", Model = "F-PACE" }, Cancel)).Count);
        Assert.Equal(15, (await Catalog.SearchAsync(new ImageSearch { Make = "Jaguar", Model = "F-PACE", Limit = 50 }, Cancel)).Count);
    }

    [Fact]
    public async Task Results_come_in_exactly_the_domain_ranking_order()
    {
        var random = new Random(20261121);
        var configurations = new[]
        {
            new VehicleConfiguration("Ford", "F-150", "XLT", "Pickup", new YearRange(2021, 2023)),
            new VehicleConfiguration("Ford", "F-150", "Lariat", "Pickup", new YearRange(2021, 2023)),
            new VehicleConfiguration("Ford", "F-150", null, null, null),
            new VehicleConfiguration("Ford", "F-150", "XLT", "Pickup", new YearRange(2015, 2020)),
        };
        var views = Enum.GetValues<View>();
        var colours = Enum.GetValues<GenericColour>();
        var licenses = Enum.GetValues<License>();
        var entries = Enumerable.Range(0, 300).Select(i =>
        {
            var configuration = configurations[random.Next(configurations.Length)];
            var view = views[random.Next(views.Length)];
            return new CatalogEntry(configuration, SampleImages.Image(configuration, $"p{i}") with
            {
                View = view,
                PhotoType = ViewNames.PhotoTypeOf(view),
                Colour = random.Next(4) == 0 ? null : colours[random.Next(colours.Length)],
                HasAlpha = random.Next(3) == 0,
                License = random.Next(4) == 0 ? null : licenses[random.Next(licenses.Length)],
                Quality = random.Next(4) == 0 ? new QualityVerdict(QualityIssues.TooSmall) : QualityVerdict.Good,
                Width = 100 * random.Next(1, 4),
                Height = 100 * random.Next(1, 4),
            });
        }).ToList();
        await Catalog.AddAsync(entries, Cancel);

        for (var round = 0; round < 40; round++)
        {
            var search = new ImageSearch
            {
                Make = "ford",
                Model = "f150",
                Year = random.Next(3) == 0 ? null : random.Next(2014, 2025),
                Trim = random.Next(2) == 0 ? null : (random.Next(2) == 0 ? "xlt" : "LARIAT"),
                Colour = random.Next(2) == 0 ? null : colours[random.Next(colours.Length)],
                Views = random.Next(2) == 0 ? null : views.Where(_ => random.Next(2) == 0).ToHashSet(),
                License = random.Next(3) == 0 ? licenses[random.Next(licenses.Length)] : null,
                GoodOnly = random.Next(2) == 0,
                PreferTransparent = random.Next(2) == 0,
                Limit = random.Next(1, 60),
            };

            var expected = entries.Select(e => new ImageMatch(e.Image, e.Configuration)).Where(m => Matches(search, m))
                .Order(ImageRanking.Comparer(search)).Take(search.Limit).Select(m => m.Image.Id);
            var actual = (await Catalog.SearchAsync(search, Cancel)).Select(m => m.Image.Id);

            Assert.Equal(expected, actual);
        }
    }

    private static readonly Dictionary<ContentHash, string> Seeds =
        new[] { "front", "side", "cabin", "nc", "bad" }.ToDictionary(s => ContentHash.Of(System.Text.Encoding.UTF8.GetBytes(s)), s => s);

    // The filters, restated independently of any catalog, as the oracle for the ranking test.
    private static bool Matches(ImageSearch search, ImageMatch match) =>
        MatchKey.Of(match.Configuration.Make) == MatchKey.Of(search.Make) &&
        MatchKey.Of(match.Configuration.Model) == MatchKey.Of(search.Model) &&
        (search.Year is not { } year || match.Configuration.Years is not { } years || years.Contains(year)) &&
        match.Image.PhotoType == search.PhotoType &&
        (search.Views is null || search.Views.Contains(match.Image.View)) &&
        (search.License is not { } license || (match.Image.License is { } has && Licenses.Permitting(license).Contains(has))) &&
        (!search.GoodOnly || match.Image.Quality.IsGood);
}
