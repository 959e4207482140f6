using VehicleImages.Domain.Colours;
using VehicleImages.Domain.Images;
using VehicleImages.Domain.Quality;
using VehicleImages.Domain.Vehicles;
using VehicleImages.Storage.Catalog;
using VehicleImages.Storage.Curation;
using VehicleImages.Storage.Tests.Catalog;

namespace VehicleImages.Storage.Tests.Curation;

/// <summary>What every curation backend must do, over a catalog of the same backend that holds the images.</summary>
public abstract class CatalogCurationContract : IAsyncLifetime
{
    private static readonly VehicleConfiguration FpaceS = SampleImages.Configuration();
    private static readonly VehicleConfiguration FpacePrestige = SampleImages.Configuration(trim: "Prestige");
    private static readonly VehicleConfiguration FpaceOld = SampleImages.Configuration(trim: "R-Sport", from: 2016, to: 2018);
    private static readonly VehicleConfiguration Ftype = SampleImages.Configuration(model: "F-TYPE");
    private static readonly VehicleConfiguration Ford = new("Ford", "F-150", null, "Pickup", null);

    protected ICatalog Catalog { get; private set; } = null!;

    protected ICatalogCuration Curation { get; private set; } = null!;

    protected static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>A new, empty catalog and the curation of the same storage.</summary>
    protected abstract Task<(ICatalog Catalog, ICatalogCuration Curation)> OpenEmptyAsync();

    public async ValueTask InitializeAsync() => (Catalog, Curation) = await OpenEmptyAsync();

    public async ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        await CloseAsync();
    }

    protected virtual ValueTask CloseAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Facets_drill_down_from_make_to_model_to_years_and_trims_with_counts()
    {
        await AddLibraryAsync();

        var top = await Curation.FacetsAsync(LibraryFilter.All, Cancel);
        var jaguar = await Curation.FacetsAsync(new LibraryFilter { Make = "jaguar" }, Cancel);
        var fpace = await Curation.FacetsAsync(new LibraryFilter { Make = "Jaguar", Model = "f pace" }, Cancel);
        var fpace2019 = await Curation.FacetsAsync(new LibraryFilter { Make = "Jaguar", Model = "F-PACE", Years = YearRange.OneYear(2019) }, Cancel);

        Assert.Equal([new("Ford", 2), new("Jaguar", 6)], top.Makes);
        Assert.Empty(top.Models);
        Assert.Equal([new("F-PACE", 5), new("F-TYPE", 1)], jaguar.Models);
        Assert.Empty(jaguar.Years);
        Assert.Equal([new("2019", 4), new("2016-2018", 1)], fpace.Years);
        Assert.Equal([new("Prestige", 1), new("R-Sport", 1), new("S", 3)], fpace.Trims);
        Assert.Equal([new("Prestige", 1), new("S", 3)], fpace2019.Trims);
        Assert.Equal(fpace.Years, fpace2019.Years);
    }

    [Fact]
    public async Task Facets_count_configurations_without_years_or_trim_as_blank_values()
    {
        await AddLibraryAsync();

        var ford = await Curation.FacetsAsync(new LibraryFilter { Make = "Ford", Model = "F-150" }, Cancel);

        Assert.Equal([new("", 2)], ford.Years);
        Assert.Equal([new("", 2)], ford.Trims);
    }

    [Fact]
    public async Task Facet_counts_honour_the_filters_outside_the_drill_down()
    {
        await AddLibraryAsync();

        var red = await Curation.FacetsAsync(new LibraryFilter { Make = "Jaguar", Colour = GenericColour.Red }, Cancel);

        Assert.Equal([new("Jaguar", 1)], red.Makes);
        Assert.Equal([new("F-PACE", 1)], red.Models);
    }

    [Fact]
    public async Task Browsing_filters_by_every_field()
    {
        var images = await AddLibraryAsync();

        async Task<IEnumerable<string>> Browse(LibraryFilter filter) =>
            (await Curation.BrowseAsync(filter, 0, 100, Cancel)).Images.Select(m => images.Single(i => i.Value.Id == m.Image.Id).Key).Order(StringComparer.Ordinal);

        Assert.Equal(["s-front", "s-rear", "s-side"], await Browse(new LibraryFilter { Make = "JAGUAR", Model = "F-PACE", Years = YearRange.OneYear(2019), Trim = "s" }));
        Assert.Equal(["ford-a", "ford-b"], await Browse(new LibraryFilter { Years = default(YearRange) }));
        Assert.Equal(["ford-a", "ford-b"], await Browse(new LibraryFilter { Trim = "" }));
        Assert.Equal(["s-rear"], await Browse(new LibraryFilter { View = View.Rear }));
        Assert.Equal(["ford-b"], await Browse(new LibraryFilter { PhotoType = PhotoType.Interior }));
        Assert.Equal(["prestige"], await Browse(new LibraryFilter { Colour = GenericColour.Red }));
        Assert.Equal(["ford-a"], await Browse(new LibraryFilter { Colour = 0 }));
        Assert.Equal(["old"], await Browse(new LibraryFilter { License = License.Public }));
        Assert.Equal(["ftype"], await Browse(new LibraryFilter { License = 0 }));
        Assert.Equal(["ford-b"], await Browse(new LibraryFilter { Source = ImageSource.Press }));
        Assert.Equal(["ford-a", "ford-b"], await Browse(new LibraryFilter { Vin = "1ftew1c52pfa86825" }));
        Assert.Equal(["old", "s-side"], await Browse(new LibraryFilter { Quality = QualityIssues.TooSmall | QualityIssues.Blurred }));
        Assert.Equal(["s-side"], await Browse(new LibraryFilter { Quality = QualityIssues.Blurred }));
        Assert.Equal(6, (await Browse(new LibraryFilter { Quality = QualityIssues.None })).Count());
    }

    [Fact]
    public async Task Browsing_pages_through_a_stable_order_and_counts_every_match()
    {
        await AddLibraryAsync();

        var all = await Curation.BrowseAsync(LibraryFilter.All, 0, 100, Cancel);
        var first = await Curation.BrowseAsync(LibraryFilter.All, 0, 3, Cancel);
        var second = await Curation.BrowseAsync(LibraryFilter.All, 3, 3, Cancel);
        var beyond = await Curation.BrowseAsync(LibraryFilter.All, 100, 3, Cancel);

        Assert.Equal(8, all.Total);
        Assert.Equal((8, 8, 8), (first.Total, second.Total, beyond.Total));
        Assert.Equal(all.Images.Take(6).Select(m => m.Image.Id), first.Images.Concat(second.Images).Select(m => m.Image.Id));
        Assert.Empty(beyond.Images);
        Assert.Equal(["Ford", "Ford", "Jaguar"], first.Images.Select(m => m.Configuration.Make));
        Assert.Equal(FpaceOld, all.Images[6].Configuration);
        Assert.Equal(Ftype, all.Images[7].Configuration);
    }

    [Fact]
    public async Task Replacing_labels_moves_the_image_to_its_new_configuration_and_drops_the_empty_one()
    {
        var images = await AddLibraryAsync();
        var current = images["prestige"];
        var moved = new VehicleConfiguration("Jaguar", "F-PACE", "SVR", "SUV", YearRange.OneYear(2019));
        var relabelled = current with
        {
            ConfigurationId = moved.Id, View = View.Rear, Colour = GenericColour.Blue, ColourName = "Velocity Blue", License = null,
            LicenseNote = null, Quality = new QualityVerdict(QualityIssues.NotVehiclePhoto),
        };

        Assert.True(await Curation.ReplaceLabelsAsync(current, new CatalogEntry(moved, relabelled), Cancel));

        Assert.Equal(relabelled, await Catalog.FindImageAsync(current.Id, Cancel), SeenImages.Equality.Instance);
        Assert.Equal(moved, await Catalog.FindConfigurationAsync(moved.Id, Cancel));
        Assert.Null(await Catalog.FindConfigurationAsync(FpacePrestige.Id, Cancel));
    }

    [Fact]
    public async Task Replacing_labels_into_an_existing_configuration_keeps_the_old_one_while_it_has_images()
    {
        var images = await AddLibraryAsync();
        var current = images["s-rear"];

        Assert.True(await Curation.ReplaceLabelsAsync(current, new CatalogEntry(FpacePrestige, current with { ConfigurationId = FpacePrestige.Id }), Cancel));

        var trims = (await Curation.FacetsAsync(new LibraryFilter { Make = "Jaguar", Model = "F-PACE" }, Cancel)).Trims;
        Assert.Equal([new("Prestige", 2), new("R-Sport", 1), new("S", 2)], trims);
        Assert.Equal(FpaceS, await Catalog.FindConfigurationAsync(FpaceS.Id, Cancel));
    }

    [Fact]
    public async Task Replacing_labels_read_before_someone_else_changed_them_changes_nothing()
    {
        var images = await AddLibraryAsync();
        var read = images["s-front"];
        var theirs = read with { View = View.Rear };
        Assert.True(await Curation.ReplaceLabelsAsync(read, new CatalogEntry(FpaceS, theirs), Cancel));

        var stale = await Curation.ReplaceLabelsAsync(read, new CatalogEntry(FpaceS, read with { View = View.Left }), Cancel);

        Assert.False(stale);
        Assert.Equal(View.Rear, (await Catalog.FindImageAsync(read.Id, Cancel))!.View);
    }

    [Fact]
    public async Task Replacing_labels_writes_only_labels_and_refuses_a_missing_image()
    {
        var images = await AddLibraryAsync();
        var current = images["s-front"];

        Assert.True(await Curation.ReplaceLabelsAsync(current, new CatalogEntry(FpaceS, current with { Vin = "OTHER", Width = 1, View = View.Front }), Cancel));
        var missing = SampleImages.Image(FpaceS, "never added");

        var stored = (await Catalog.FindImageAsync(current.Id, Cancel))!;
        Assert.Equal((current.Vin, current.Width, View.Front), (stored.Vin, stored.Width, stored.View));
        Assert.False(await Curation.ReplaceLabelsAsync(missing, new CatalogEntry(FpaceS, missing with { View = View.Rear }), Cancel));
        Assert.Null(await Catalog.FindImageAsync(missing.Id, Cancel));
    }

    [Fact]
    public async Task Replacing_labels_writes_their_origins_and_the_prediction()
    {
        var images = await AddLibraryAsync();
        var current = images["s-front"];
        var predicted = current with { View = View.Rear, Origins = SeenImages.MixedOrigins, Vision = SeenImages.Prediction(view: View.Rear) };

        Assert.True(await Curation.ReplaceLabelsAsync(current, new CatalogEntry(FpaceS, predicted), Cancel));
        Assert.Equal(predicted, await Catalog.FindImageAsync(current.Id, Cancel), SeenImages.Equality.Instance);

        // A backfill with newer models replaces the prediction; another takes it away.
        var repredicted = predicted with { Vision = SeenImages.Prediction(models: "resnet18-e2552f19db2d+heads-77aa", view: View.Left, colour: null) };
        Assert.True(await Curation.ReplaceLabelsAsync(predicted, new CatalogEntry(FpaceS, repredicted), Cancel));
        Assert.Equal(repredicted, await Catalog.FindImageAsync(current.Id, Cancel), SeenImages.Equality.Instance);
        var unseen = repredicted with { Vision = null, Origins = LabelOrigins.Unknown };
        Assert.True(await Curation.ReplaceLabelsAsync(repredicted, new CatalogEntry(FpaceS, unseen), Cancel));
        Assert.Equal(unseen, await Catalog.FindImageAsync(current.Id, Cancel), SeenImages.Equality.Instance);
    }

    [Fact]
    public async Task Replacing_labels_whose_origins_changed_meanwhile_changes_nothing()
    {
        var images = await AddLibraryAsync();
        var read = images["s-front"];
        var theirs = read with { Origins = read.Origins with { View = LabelSource.Curator } };
        Assert.True(await Curation.ReplaceLabelsAsync(read, new CatalogEntry(FpaceS, theirs), Cancel));

        var stale = await Curation.ReplaceLabelsAsync(read, new CatalogEntry(FpaceS, read with { View = View.Left }), Cancel);

        Assert.False(stale);
        Assert.Equal(theirs, await Catalog.FindImageAsync(read.Id, Cancel), SeenImages.Equality.Instance);
    }

    [Fact]
    public async Task Replacing_labels_whose_prediction_was_replaced_meanwhile_changes_nothing()
    {
        var images = await AddLibraryAsync();
        var read = images["s-front"] with { Vision = SeenImages.Prediction() };
        Assert.True(await Curation.ReplaceLabelsAsync(images["s-front"], new CatalogEntry(FpaceS, read), Cancel));
        var theirs = read with { Vision = SeenImages.Prediction(models: "resnet18-e2552f19db2d+heads-77aa") };
        Assert.True(await Curation.ReplaceLabelsAsync(read, new CatalogEntry(FpaceS, theirs), Cancel));

        var stale = await Curation.ReplaceLabelsAsync(read, new CatalogEntry(FpaceS, read with { View = View.Left }), Cancel);

        Assert.False(stale);
        Assert.Equal(theirs, await Catalog.FindImageAsync(read.Id, Cancel), SeenImages.Equality.Instance);
    }

    [Fact]
    public async Task Browsing_by_label_mismatches_finds_the_images_with_any_of_them()
    {
        var images = await AddLibraryAsync();
        var mismatches = new Dictionary<string, QualityIssues>
        {
            ["s-front"] = QualityIssues.LabelMismatchView,
            ["s-side"] = QualityIssues.LabelMismatchColour | QualityIssues.Blurred,
            ["ford-b"] = QualityIssues.LabelMismatchPhotoType,
        };
        foreach (var (name, issues) in mismatches)
        {
            var current = images[name];
            var configuration = name.StartsWith("ford", StringComparison.Ordinal) ? Ford : FpaceS;
            Assert.True(await Curation.ReplaceLabelsAsync(current, new CatalogEntry(configuration, current with { Quality = new QualityVerdict(issues) }), Cancel));
        }

        async Task<IEnumerable<string>> Browse(QualityIssues quality) =>
            (await Curation.BrowseAsync(new LibraryFilter { Quality = quality }, 0, 100, Cancel)).Images
                .Select(m => images.Single(i => i.Value.Id == m.Image.Id).Key).Order(StringComparer.Ordinal);

        var anyMismatch = QualityIssues.LabelMismatchView | QualityIssues.LabelMismatchColour | QualityIssues.LabelMismatchPhotoType;
        Assert.Equal(["ford-b", "s-front", "s-side"], await Browse(anyMismatch));
        Assert.Equal(["s-side"], await Browse(QualityIssues.LabelMismatchColour));
        Assert.Equal(["old", "s-side"], await Browse(QualityIssues.TooSmall | QualityIssues.Blurred));
    }

    [Fact]
    public async Task Every_image_is_walked_in_id_order_across_pages_and_a_walk_resumes_after_an_id()
    {
        // More images than a page holds several times over, so the walk crosses page boundaries.
        var library = Enumerable.Range(0, 700).Select(i => SeenImages.Seen(SampleImages.Image(FpaceS, $"walk {i}"))).ToArray();
        await Catalog.AddAsync([.. library.Select(image => new CatalogEntry(FpaceS, image))], Cancel);
        var expected = library.OrderBy(image => image.Id.Value).ToArray();

        var walked = await Curation.AllImagesAsync(null, Cancel).ToArrayAsync(Cancel);
        var resumed = await Curation.AllImagesAsync(expected[299].Id, Cancel).ToArrayAsync(Cancel);
        var betweenIds = await Curation.AllImagesAsync(new ImageId(expected[511].Id.Value + 1), Cancel).ToArrayAsync(Cancel);

        Assert.Equal(expected, walked, SeenImages.Equality.Instance);
        Assert.Equal(expected.Skip(300).Select(image => image.Id), resumed.Select(image => image.Id));
        Assert.Equal(expected.Skip(512).Select(image => image.Id), betweenIds.Select(image => image.Id));
        Assert.Empty(await Curation.AllImagesAsync(expected[^1].Id, Cancel).ToArrayAsync(Cancel));
    }

    [Fact]
    public async Task An_update_that_is_not_of_the_same_image_and_its_own_configuration_is_refused()
    {
        var images = await AddLibraryAsync();
        var current = images["s-front"];

        await Assert.ThrowsAsync<ArgumentException>(() => Curation.ReplaceLabelsAsync(current, new CatalogEntry(FpaceS, images["s-rear"]), Cancel));
        await Assert.ThrowsAsync<ArgumentException>(() => Curation.ReplaceLabelsAsync(current, new CatalogEntry(Ftype, current), Cancel));
    }

    [Fact]
    public async Task Removing_an_image_returns_it_and_drops_a_configuration_left_empty()
    {
        var images = await AddLibraryAsync();

        var removed = await Curation.RemoveAsync(images["ftype"].Id, Cancel);
        var sibling = await Curation.RemoveAsync(images["s-front"].Id, Cancel);

        Assert.Equal(images["ftype"], removed, SeenImages.Equality.Instance);
        Assert.Null(await Catalog.FindImageAsync(images["ftype"].Id, Cancel));
        Assert.Null(await Catalog.FindConfigurationAsync(Ftype.Id, Cancel));
        Assert.NotNull(sibling);
        Assert.Equal(FpaceS, await Catalog.FindConfigurationAsync(FpaceS.Id, Cancel));
        Assert.Null(await Curation.RemoveAsync(images["ftype"].Id, Cancel));
        Assert.Equal(6, (await Catalog.CountAsync(Cancel)).Images);
    }

    private async Task<Dictionary<string, VehicleImage>> AddLibraryAsync()
    {
        var entries = new (string Name, VehicleConfiguration Configuration, VehicleImage Image)[]
        {
            ("s-front", FpaceS, SampleImages.Image(FpaceS, "s-front", View.Front)),
            ("s-side", FpaceS, SampleImages.Image(FpaceS, "s-side", View.Left, new QualityVerdict(QualityIssues.Blurred))),
            ("s-rear", FpaceS, SampleImages.Image(FpaceS, "s-rear", View.Rear)),
            ("prestige", FpacePrestige, SampleImages.Image(FpacePrestige, "prestige") with { Colour = GenericColour.Red, ColourName = "Firenze Red" }),
            ("old", FpaceOld, SampleImages.Image(FpaceOld, "old", quality: new QualityVerdict(QualityIssues.TooSmall)) with { License = License.Public }),
            ("ftype", Ftype, SampleImages.Image(Ftype, "ftype") with { License = null }),
            ("ford-a", Ford, SampleImages.Image(Ford, "ford-a") with { Colour = null, ColourName = null, Vin = "1FTEW1C52PFA86825" }),
            ("ford-b", Ford, SampleImages.Image(Ford, "ford-b", View.Interior) with { Source = ImageSource.Press, Vin = "1FTEW1C52PFA86825" }),
        };
        await Catalog.AddAsync([.. entries.Select(e => new CatalogEntry(e.Configuration, e.Image))], Cancel);
        return entries.ToDictionary(e => e.Name, e => e.Image);
    }
}
