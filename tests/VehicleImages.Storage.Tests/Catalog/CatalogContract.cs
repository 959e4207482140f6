using VehicleImages.Domain.Images;
using VehicleImages.Domain.Quality;
using VehicleImages.Storage.Catalog;

namespace VehicleImages.Storage.Tests.Catalog;

/// <summary>What every catalog backend must do. Each backend's test class inherits this and says how to open one.</summary>
public abstract class CatalogContract : IAsyncLifetime
{
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

    [Fact]
    public async Task An_added_image_reads_back_with_every_field()
    {
        var configuration = SampleImages.Configuration();
        var image = SampleImages.Image(configuration, "one", quality: new QualityVerdict(QualityIssues.NearDuplicate | QualityIssues.Blurred, new ImageId(42)));

        Assert.Equal([true], await Catalog.AddAsync([new CatalogEntry(configuration, image)], Cancel));

        var read = await Catalog.FindImageAsync(image.Id, Cancel);
        Assert.NotNull(read);
        Assert.Equivalent(image, read, strict: true);
        Assert.Equal(image.Quality, read.Quality);
        Assert.Equal(image.Renditions, read.Renditions);
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
    public async Task A_reachable_catalog_answers_ping() => await Catalog.PingAsync(Cancel);
}
