using VehicleImages.Domain.Colours;
using VehicleImages.Domain.Images;
using VehicleImages.Domain.Quality;
using VehicleImages.Domain.Search;
using VehicleImages.Domain.Vehicles;
using VehicleImages.Storage.Catalog;

namespace VehicleImages.Storage.Tests.Catalog;

/// <summary>What every catalog backend must do. Each backend's test class inherits this and says how to open one.</summary>
public abstract class CatalogContract : IAsyncLifetime
{
    /// <summary>The last schema version without label origins and predictions.</summary>
    protected const long VersionBeforeVision = 6;

    /// <summary>The images table's columns at <see cref="VersionBeforeVision"/>.</summary>
    protected const string ColumnsBeforeVision =
        "id, sha256, configuration_id, view, photo_type, colour_name, colour, source, provenance, vin, sequence, registration, " +
        "license, license_note, attribution, context_link, date_published, format, width, height, byte_size, has_alpha, " +
        "accent_colour, phash, quality_issues, duplicate_of, renditions, ingested_at";

    protected ICatalog Catalog { get; private set; } = null!;

    protected static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>A new, empty catalog.</summary>
    protected abstract Task<ICatalog> OpenEmptyAsync();

    public async ValueTask InitializeAsync() => Catalog = await OpenEmptyAsync();

    public async ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        await CloseAsync();
    }

    /// <summary>Releases what <see cref="OpenEmptyAsync"/> made.</summary>
    protected virtual ValueTask CloseAsync() => ValueTask.CompletedTask;

    /// <summary>
    /// A catalog whose schema was at the last version before label origins and predictions, holding
    /// <paramref name="entries"/> written as that version wrote them (<see cref="ColumnsBeforeVision"/>), then opened
    /// as the service opens it, which brings the schema up to date.
    /// </summary>
    protected abstract Task<ICatalog> OpenCataloguedBeforeVisionAsync(IReadOnlyList<CatalogEntry> entries);

    /// <summary>Dapper parameters named after the columns, as the row classes name their properties.</summary>
    protected static string ParametersOf(string columns) =>
        string.Join(", ", columns.Split(", ").Select(column => "@" + string.Concat(column.Split('_').Select(word => char.ToUpperInvariant(word[0]) + word[1..]))));

    [Fact]
    public async Task An_added_image_reads_back_with_every_field()
    {
        var configuration = SampleImages.Configuration();
        var image = SeenImages.Seen(SampleImages.Image(configuration, "one", quality: new QualityVerdict(QualityIssues.NearDuplicate | QualityIssues.Blurred, new ImageId(42))));

        Assert.Equal([true], await Catalog.AddAsync([new CatalogEntry(configuration, image)], Cancel));

        var read = await Catalog.FindImageAsync(image.Id, Cancel);
        Assert.NotNull(read);
        Assert.Equivalent(image, read, strict: true);
        Assert.Equal(image.Quality, read.Quality);
        Assert.Equal(image.Renditions, read.Renditions);
        Assert.Equal(image, read, SeenImages.Equality.Instance);
    }

    [Fact]
    public async Task Origins_and_a_prediction_read_back_through_every_read_path()
    {
        var configuration = SampleImages.Configuration();
        var images = new[]
        {
            SeenImages.Seen(SampleImages.Image(configuration, "seen")),
            SeenImages.Seen(SampleImages.Image(configuration, "no colour measured", View.Rear) with { Colour = null, ColourName = null }),
            SampleImages.Image(configuration, "given only", View.Front) with { Origins = new LabelOrigins(View: LabelSource.Given, Colour: LabelSource.Curator) },
        };
        images = [.. images.Select(image => image with { Registration = "AB12CDE" })];
        await Catalog.AddAsync([.. images.Select(image => new CatalogEntry(configuration, image))], Cancel);
        var expected = images.OrderBy(image => image.Id.Value).ToArray();

        Assert.Equal(expected, await Task.WhenAll(expected.Select(image => Catalog.FindImageAsync(image.Id, Cancel))), SeenImages.Equality.Instance);
        Assert.Equal(expected, await Catalog.FindByConfigurationAsync(configuration.Id, [View.Front, View.Rear, View.FrontLeft], Cancel), SeenImages.Equality.Instance);
        Assert.Equal(expected, await Catalog.FindByRegistrationAsync("AB12CDE", Cancel), SeenImages.Equality.Instance);
        Assert.Equal(expected, (await Catalog.FindByVinAsync("SADCM2FV6KA360455", Cancel)).OrderBy(image => image.Id.Value), SeenImages.Equality.Instance);
        var found = await Catalog.SearchAsync(new ImageSearch { Make = "Jaguar", Model = "F-PACE" }, Cancel);
        Assert.Equal(expected, found.Select(match => match.Image).OrderBy(image => image.Id.Value), SeenImages.Equality.Instance);
    }

    [Fact]
    public async Task Images_catalogued_before_vision_read_back_with_no_origins_and_no_prediction()
    {
        var configuration = SampleImages.Configuration();
        var images = new[] { SampleImages.Image(configuration, "old a"), SampleImages.Image(configuration, "old b", View.Rear) };

        var catalog = await OpenCataloguedBeforeVisionAsync([.. images.Select(image => new CatalogEntry(configuration, image))]);

        foreach (var image in images)
        {
            var read = await catalog.FindImageAsync(image.Id, Cancel);
            Assert.NotNull(read);
            Assert.Equal(LabelOrigins.Unknown, read.Origins);
            Assert.Null(read.Vision);
            Assert.Equal(image, read, SeenImages.Equality.Instance);
        }
    }

    [Fact]
    public async Task A_configuration_reads_back_by_its_id()
    {
        var configuration = SampleImages.Configuration();
        await Catalog.AddAsync([new CatalogEntry(configuration, SampleImages.Image(configuration, "one"))], Cancel);

        Assert.Equal(configuration, await Catalog.FindConfigurationAsync(configuration.Id, Cancel));
        Assert.Null(await Catalog.FindConfigurationAsync(Guid.NewGuid(), Cancel));
    }

    [Fact]
    public async Task The_same_content_is_added_once()
    {
        var configuration = SampleImages.Configuration();
        var image = SampleImages.Image(configuration, "same");

        Assert.Equal([true, false], await Catalog.AddAsync([new(configuration, image), new(configuration, image)], Cancel));
        Assert.Equal([false], await Catalog.AddAsync([new(configuration, image)], Cancel));
        Assert.True(await Catalog.ContainsAsync(image.Hash, Cancel));
        Assert.Equal(1, (await Catalog.CountAsync(Cancel)).Images);
    }

    [Fact]
    public async Task Images_of_one_configuration_share_its_row()
    {
        var configuration = SampleImages.Configuration();
        var other = SampleImages.Configuration(model: "F-TYPE");
        await Catalog.AddAsync(
            [
                new(configuration, SampleImages.Image(configuration, "a")),
                new(configuration, SampleImages.Image(configuration, "b")),
                new(other, SampleImages.Image(other, "c", quality: new QualityVerdict(QualityIssues.TooSmall))),
            ],
            Cancel);

        Assert.Equal(new CatalogCounts(2, 3, 2), await Catalog.CountAsync(Cancel));
    }

    [Fact]
    public async Task Unknown_content_and_ids_are_not_found()
    {
        Assert.False(await Catalog.ContainsAsync(ContentHash.Of([1, 2, 3]), Cancel));
        Assert.Null(await Catalog.FindImageAsync(new ImageId(7), Cancel));
    }

    [Fact]
    public async Task Perceptual_hashes_of_every_image_are_listed()
    {
        var configuration = SampleImages.Configuration();
        var images = new[] { SampleImages.Image(configuration, "x"), SampleImages.Image(configuration, "y") };
        await Catalog.AddAsync([.. images.Select(i => new CatalogEntry(configuration, i))], Cancel);

        var hashes = new List<(ImageId, ulong)>();
        await foreach (var entry in Catalog.PerceptualHashesAsync(Cancel))
        {
            hashes.Add(entry);
        }

        Assert.Equal(images.Select(i => (i.Id, i.PerceptualHash)).OrderBy(e => e.Id.Value), hashes.OrderBy(e => e.Item1.Value));
    }

    [Fact]
    public async Task An_entry_whose_image_names_another_configuration_is_refused()
    {
        var configuration = SampleImages.Configuration();
        var image = SampleImages.Image(SampleImages.Configuration(model: "XE"), "mismatch");

        await Assert.ThrowsAsync<ArgumentException>(() => Catalog.AddAsync([new(configuration, image)], Cancel));
        Assert.Equal(0, (await Catalog.CountAsync(Cancel)).Images);
    }

    [Fact]
    public async Task Photos_of_a_vin_come_in_gallery_order()
    {
        var c = SampleImages.Configuration();
        Domain.Images.VehicleImage Photo(string seed, Domain.Images.ImageSource source, int? sequence, Domain.Images.View view) =>
            SampleImages.Image(c, seed, view) with { Source = source, Sequence = sequence, Vin = "SADCM2FV6KA360455" };
        var expected = new[]
        {
            Photo("r1", Domain.Images.ImageSource.Retail, 1, Domain.Images.View.Interior),
            Photo("r2", Domain.Images.ImageSource.Retail, 2, Domain.Images.View.Front),
            Photo("r-none-ext", Domain.Images.ImageSource.Retail, null, Domain.Images.View.Rear),
            Photo("r-none-int", Domain.Images.ImageSource.Retail, null, Domain.Images.View.Interior),
            Photo("w1", Domain.Images.ImageSource.Wholesale, 1, Domain.Images.View.Front),
        };
        await Catalog.AddAsync([.. expected.Reverse().Select(i => new CatalogEntry(c, i))], Cancel);
        await Catalog.AddAsync([new(c, SampleImages.Image(c, "other car") with { Vin = "1FTEW1C52PFA86825" })], Cancel);

        var photos = await Catalog.FindByVinAsync("SADCM2FV6KA360455", Cancel);

        Assert.Equal(expected.Select(i => i.Id), photos.Select(i => i.Id));
        Assert.Empty(await Catalog.FindByVinAsync("1HGCM82633A123456", Cancel));
    }

    [Fact]
    public async Task Summaries_cover_the_views_and_colours_of_good_images_newest_years_first()
    {
        var newer = SampleImages.Configuration(from: 2019, to: 2023);
        var older = SampleImages.Configuration(from: 2016, to: 2018);
        var undated = new VehicleConfiguration("Jaguar", "F-PACE", "S", "SUV", null);
        var badOnly = SampleImages.Configuration(trim: "R", from: 2019, to: 2023);
        var otherModel = SampleImages.Configuration(model: "F-TYPE");
        await Catalog.AddAsync(
            [
                new(newer, SampleImages.Image(newer, "n1", View.FrontLeft) with { Colour = GenericColour.White }),
                new(newer, SampleImages.Image(newer, "n2", View.Rear) with { Colour = GenericColour.Red }),
                new(newer, SampleImages.Image(newer, "n3", View.Left) with { Colour = null }),
                new(newer, SampleImages.Image(newer, "n4", View.Rear) with { Colour = GenericColour.Red }),
                new(newer, SampleImages.Image(newer, "n-bad", View.Right, new QualityVerdict(QualityIssues.Blurred)) with { Colour = GenericColour.Blue }),
                new(older, SampleImages.Image(older, "o1", View.Front)),
                new(undated, SampleImages.Image(undated, "u1", View.Interior)),
                new(badOnly, SampleImages.Image(badOnly, "r-bad", quality: new QualityVerdict(QualityIssues.TooSmall))),
                new(otherModel, SampleImages.Image(otherModel, "t1")),
            ],
            Cancel);

        var summaries = await Catalog.SummariseAsync(new ConfigurationSearch("jaguar", "f pace"), Cancel);

        Assert.Equal([newer.Id, older.Id, undated.Id], summaries.Select(s => s.Configuration.Id));
        Assert.Equal(newer, summaries[0].Configuration);
        Assert.Equal(
            [new ImageCoverage(View.Rear, GenericColour.Red), new ImageCoverage(View.Left, null), new ImageCoverage(View.FrontLeft, GenericColour.White)],
            summaries[0].Coverage.OrderBy(c => c.View));
    }

    [Fact]
    public async Task Summaries_narrow_by_year_trim_and_body()
    {
        var s = SampleImages.Configuration(trim: "S", from: 2019, to: 2020);
        var rSport = SampleImages.Configuration(trim: "R-Sport", from: 2019, to: 2020);
        var earlier = SampleImages.Configuration(trim: "S", from: 2016, to: 2018);
        var estate = new VehicleConfiguration("Jaguar", "F-PACE", "S", "Estate", null);
        await Catalog.AddAsync([.. new[] { s, rSport, earlier, estate }.Select(c => new CatalogEntry(c, SampleImages.Image(c, c.Id.ToString())))], Cancel);

        async Task<IEnumerable<Guid>> Summarise(int? year = null, string? trim = null, string? body = null) =>
            (await Catalog.SummariseAsync(new ConfigurationSearch("Jaguar", "F-PACE", year, trim, body), Cancel)).Select(summary => summary.Configuration.Id);

        Assert.Equal([rSport.Id, s.Id, estate.Id], await Summarise(year: 2019));
        Assert.Equal([earlier.Id, estate.Id], await Summarise(year: 2017));
        Assert.Equal([rSport.Id], await Summarise(trim: "r sport"));
        Assert.Equal([estate.Id], await Summarise(body: "ESTATE"));
        Assert.Empty(await Summarise(year: 2024, trim: "S", body: "SUV"));
    }

    [Fact]
    public async Task A_configurations_good_images_are_found_by_view_in_id_order()
    {
        var c = SampleImages.Configuration();
        var other = SampleImages.Configuration(model: "F-TYPE");
        var wanted = new[] { SampleImages.Image(c, "front a", View.Front), SampleImages.Image(c, "front b", View.Front), SampleImages.Image(c, "rear", View.Rear) };
        await Catalog.AddAsync(
            [
                .. wanted.Select(i => new CatalogEntry(c, i)),
                new(c, SampleImages.Image(c, "left", View.Left)),
                new(c, SampleImages.Image(c, "blurred front", View.Front, new QualityVerdict(QualityIssues.Blurred))),
                new(other, SampleImages.Image(other, "other front", View.Front)),
            ],
            Cancel);

        var found = await Catalog.FindByConfigurationAsync(c.Id, [View.Front, View.Rear], Cancel);

        Assert.Equal(wanted.Select(i => i.Id).OrderBy(id => id.Value), found.Select(i => i.Id));
        Assert.Empty(await Catalog.FindByConfigurationAsync(c.Id, [], Cancel));
        Assert.Empty(await Catalog.FindByConfigurationAsync(Guid.NewGuid(), [View.Front], Cancel));
    }

    [Fact]
    public async Task Images_are_found_by_registration_whatever_its_spacing_and_case()
    {
        var c = SampleImages.Configuration();
        var wanted = new[] { SampleImages.Image(c, "a") with { Registration = "AB12CDE" }, SampleImages.Image(c, "b") with { Registration = "AB12CDE" } };
        await Catalog.AddAsync(
            [
                .. wanted.Select(i => new CatalogEntry(c, i)),
                new(c, SampleImages.Image(c, "other mark") with { Registration = "XY34ZZZ" }),
                new(c, SampleImages.Image(c, "no mark") with { Registration = null }),
            ],
            Cancel);

        var found = await Catalog.FindByRegistrationAsync("ab12 cde", Cancel);

        Assert.Equal(wanted.Select(i => i.Id).OrderBy(id => id.Value), found.Select(i => i.Id));
        Assert.Empty(await Catalog.FindByRegistrationAsync("ZZ99 ZZZ", Cancel));
    }

    [Fact]
    public async Task A_reachable_catalog_answers_ping() => await Catalog.PingAsync(Cancel);
}
