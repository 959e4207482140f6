using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using VehicleImages.Application.Access;
using VehicleImages.Application.Admin;
using VehicleImages.Application.Curation;
using VehicleImages.Domain.Images;
using VehicleImages.Storage;
using VehicleImages.Storage.Catalog;
using VehicleImages.Storage.Catalog.Sqlite;
using VehicleImages.Storage.Keys;
using VehicleImages.Storage.Usage;

namespace VehicleImages.Api.Tests.CarsXe;

/// <summary>
/// /images answers remembered whole, through the real server on a real SQLite catalog. Whether an answer was made or
/// remembered is told by counting the searches that reach the catalog, never by timing.
/// </summary>
public sealed class CarsXeAnswerCacheTests
{
    private const string FPace = "make=Jaguar&model=F-PACE";

    private static readonly AdminActor Curator = new(Guid.NewGuid(), "tests", "vik_test");

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_repeated_query_is_answered_without_searching_the_catalog_again()
    {
        await using var library = await CachingLibrary.StartAsync();

        var first = await library.GetAsync(FPace);
        var second = await library.GetAsync(FPace);

        Assert.Equal(first.Body, second.Body);
        Assert.Equal("application/json; charset=utf-8", second.ContentType);
        Assert.NotEmpty(first.Links());
        Assert.Equal(1, library.Searches);

        // Another spelling is another echo, so another answer.
        await library.GetAsync("make=jaguar&model=f-pace");
        Assert.Equal(2, library.Searches);
    }

    [Fact]
    public async Task Json_and_xml_are_remembered_apart()
    {
        await using var library = await CachingLibrary.StartAsync();

        var json = await library.GetAsync(FPace);
        var xml = await library.GetAsync(FPace + "&format=xml");
        var jsonAgain = await library.GetAsync(FPace);
        var xmlAgain = await library.GetAsync(FPace + "&format=xml");

        Assert.Equal(2, library.Searches);
        Assert.Equal(json.Body, jsonAgain.Body);
        Assert.Equal(xml.Body, xmlAgain.Body);
        Assert.Equal("application/xml; charset=utf-8", xmlAgain.ContentType);
        Assert.Equal("application/json; charset=utf-8", jsonAgain.ContentType);
        Assert.Equal(json.Links().Count, XDocument.Parse(xmlAgain.Body).Descendants("link").Count());
    }

    [Fact]
    public async Task A_curator_delete_shows_in_the_very_next_answer()
    {
        await using var library = await CachingLibrary.StartAsync();
        var before = (await library.GetAsync(FPace)).ImageIds();

        Assert.NotNull(await library.App.Service<LibraryCurator>().DeleteAsync(before[0], Curator, Cancel));
        var after = (await library.GetAsync(FPace)).ImageIds();

        Assert.DoesNotContain(before[0], after);
        Assert.Equal(before.Skip(1), after);
        Assert.Equal(2, library.Searches);
    }

    [Fact]
    public async Task A_curator_relabel_shows_in_the_very_next_answer()
    {
        await using var library = await CachingLibrary.StartAsync();
        var before = (await library.GetAsync(FPace)).ImageIds();

        // Marked bad, the first image leaves answers that ask for good images only (validate=true, the default).
        var edited = await library.App.Service<LibraryCurator>().EditAsync(before[0], new LabelEdit(Verdict: "bad"), Curator, Cancel);
        Assert.Equal(EditStatus.Edited, edited.Status);
        var after = (await library.GetAsync(FPace)).ImageIds();

        Assert.DoesNotContain(before[0], after);
        Assert.Equal(2, library.Searches);
    }

    [Fact]
    public async Task An_ingest_by_another_process_shows_once_the_staleness_bound_has_passed()
    {
        await using var library = await CachingLibrary.StartAsync();
        const string roadster = "make=Tesla&model=Roadster";
        Assert.Empty((await library.GetAsync(roadster)).Links());

        // As the CLI's ingest would: another catalog on the same file, writing behind this process's back.
        var other = await SqliteCatalog.OpenAsync(new StorageOptions { DataDirectory = library.App.DataDirectory }.CatalogPath, Cancel);
        var configuration = SampleImages.Configuration("Tesla", "Roadster", trim: null, from: 2008, to: 2012);
        await other.AddAsync([new CatalogEntry(configuration, SampleImages.Image(configuration, "roadster"))], Cancel);

        Assert.Empty((await library.GetAsync(roadster)).Links());
        library.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Single((await library.GetAsync(roadster)).Links());
        Assert.Equal(2, library.Searches);
    }

    [Fact]
    public async Task Writing_usage_counts_to_the_same_file_does_not_end_remembered_answers()
    {
        await using var library = await CachingLibrary.StartAsync();
        await library.GetAsync(FPace);

        // Usage, keys and sessions share the SQLite file with the catalog and are written several times a second.
        await library.App.Service<UsageMeter>().FlushAsync(Cancel);
        await library.App.Service<IApiKeyStore>().RevokeAsync(Guid.NewGuid(), DateTimeOffset.UtcNow, Cancel);
        library.Clock.Advance(TimeSpan.FromSeconds(5));
        await library.GetAsync(FPace);

        Assert.Equal(1, library.Searches);
    }

    [Fact]
    public async Task An_answer_is_not_reused_once_its_links_expiry_bucket_has_passed()
    {
        await using var library = await CachingLibrary.StartAsync(new Dictionary<string, string?>
        {
            ["Media:LinkBucket"] = "00:01:00",
            ["Catalog:AnswerCacheSeconds"] = "3600",
        });

        // To one second past a whole minute: links made in the next 59 seconds share an expiry, then it moves on.
        var intoMinute = library.Clock.GetUtcNow().ToUnixTimeMilliseconds() % 60_000;
        library.Clock.Advance(TimeSpan.FromMilliseconds(61_000 - intoMinute));
        var first = await library.GetAsync(FPace);

        library.Clock.Advance(TimeSpan.FromSeconds(30));
        var sameBucket = await library.GetAsync(FPace);
        library.Clock.Advance(TimeSpan.FromSeconds(30));
        var nextBucket = await library.GetAsync(FPace);

        Assert.Equal(first.Body, sameBucket.Body);
        Assert.NotEqual(Expiry(first.Links()[0]), Expiry(nextBucket.Links()[0]));
        Assert.Equal(Expiry(first.Links()[0]) + 60, Expiry(nextBucket.Links()[0]));
        Assert.Equal(2, library.Searches);
    }

    [Fact]
    public async Task Each_host_gets_answers_with_its_own_links()
    {
        await using var library = await CachingLibrary.StartAsync();

        var own = await library.GetAsync(FPace);
        var other = await library.GetAsync(FPace, host: "images.example:8443");
        var ownAgain = await library.GetAsync(FPace);

        Assert.All(own.Links(), link => Assert.StartsWith(library.App.Address.GetLeftPart(UriPartial.Authority) + "/media/", link, StringComparison.Ordinal));
        Assert.All(other.Links(), link => Assert.StartsWith("http://images.example:8443/media/", link, StringComparison.Ordinal));
        Assert.Equal(own.Body, ownAgain.Body);
        Assert.Equal(2, library.Searches);
    }

    [Fact]
    public async Task Remembered_answers_are_rate_limited_and_metered_like_any_other()
    {
        await using var library = await CachingLibrary.StartAsync(new Dictionary<string, string?>
        {
            ["Access:Plans:default:RequestsPerSecond"] = "1",
            ["Access:Plans:default:Burst"] = "3",
        });

        // The clock stands still, so the bucket never refills: three answers, then refusals, one search in all.
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((await library.App.Client.GetAsync($"/images?key={library.Key}&{FPace}", Cancel)).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(1, library.Searches);
        await library.App.Service<UsageMeter>().FlushAsync(Cancel);
        var today = DateOnly.FromDateTime(library.Clock.GetUtcNow().UtcDateTime);
        var key = (await library.App.Service<IApiKeyStore>().ListAsync(Cancel)).Single(k => k.Name == "tests");
        var counts = await library.App.Service<IUsageStore>().QueryAsync(key.Id, today.AddDays(-1), today.AddDays(1), Cancel);
        Assert.Equal(5, counts.Sum(c => c.Count));
        Assert.Equal(3, counts.Where(c => c.Chargeable).Sum(c => c.Count));
    }

    private static long Expiry(string link) =>
        long.Parse(System.Web.HttpUtility.ParseQueryString(new Uri(link).Query)["exp"]!, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The fixture library on a clock that moves only when told to, its catalog's calls counted.</summary>
    private sealed class CachingLibrary(IDictionary<string, string?>? settings) : LibraryFixture
    {
        private CallCounter<ICatalog>? _catalog;

        public ManualClock Clock { get; } = new(DateTimeOffset.UtcNow);

        public int Searches => _catalog!.Calls(nameof(ICatalog.SearchAsync));

        protected override IDictionary<string, string?>? Settings => settings;

        public static async Task<CachingLibrary> StartAsync(IDictionary<string, string?>? settings = null)
        {
            var library = new CachingLibrary(settings);
            await library.InitializeAsync();
            return library;
        }

        public async Task<Answer> GetAsync(string parameters, string? host = null)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/images?key={Key}&{parameters}");
            if (host is not null)
            {
                request.Headers.Host = host;
            }

            using var response = await App.Client.SendAsync(request, Cancel);
            var body = await response.Content.ReadAsStringAsync(Cancel);
            Assert.True(response.StatusCode == HttpStatusCode.OK, body);
            return new Answer(body, response.Content.Headers.ContentType!.ToString());
        }

        protected override void Replace(IServiceCollection services)
        {
            services.AddSingleton<TimeProvider>(Clock);
            var real = (ICatalog)services.Last(d => d.ServiceType == typeof(ICatalog)).ImplementationInstance!;
            var (counted, counter) = CallCounter.Wrap(real);
            services.AddSingleton(counted);
            _catalog = counter;
        }
    }

    private sealed record Answer(string Body, string ContentType)
    {
        public List<string> Links() =>
            [.. JsonDocument.Parse(Body).RootElement.GetProperty("images").EnumerateArray().Select(image => image.GetProperty("link").GetString()!)];

        // Links are /media/{id}/{variant}?exp=…&sig=….
        public List<ImageId> ImageIds() => [.. Links().Select(link => ImageId.Parse(new Uri(link).Segments[2].TrimEnd('/')))];
    }
}
