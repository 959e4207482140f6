using VehicleImages.Domain.Colours;
using VehicleImages.Domain.Images;
using VehicleImages.Domain.Quality;
using VehicleImages.Domain.Vision;
using VehicleImages.Storage.Catalog;
using VehicleImages.Storage.Curation;

namespace VehicleImages.Api.Tests.Admin;

/// <summary>
/// Gives an ingested image what the vision stage would have stored: a prediction, labels whose origin is the
/// ingested row, and the mismatch reasons the prediction raises. Written through the curation store, as the app
/// writes labels, so the test needs no trained model.
/// </summary>
internal static class StoredPredictions
{
    public static VisionPrediction Exterior(View view, GenericColour colour, string hex) => new(
        "resnet18-test+heads-test", ContentClass.Exterior, 0.97,
        new Dictionary<ContentClass, double> { [ContentClass.Exterior] = 0.94, [ContentClass.Render] = 0.04, [ContentClass.Interior] = 0.02 },
        view, 0.91, colour, hex, 0.83);

    public static async Task GiveAsync(TestApp app, string id, VisionPrediction seen, QualityIssues mismatches)
    {
        ArgumentNullException.ThrowIfNull(app);
        var cancel = TestContext.Current.CancellationToken;
        var catalog = app.Service<ICatalog>();
        Assert.True(ImageId.TryParse(id, out var imageId));
        var image = await catalog.FindImageAsync(imageId, cancel) ?? throw new InvalidOperationException($"No image {id}.");
        var configuration = await catalog.FindConfigurationAsync(image.ConfigurationId, cancel) ?? throw new InvalidOperationException($"No configuration for {id}.");
        var seenImage = image with
        {
            Vision = seen,
            Origins = new LabelOrigins(LabelSource.Given, LabelSource.Given, LabelSource.Given, LabelSource.None),
            Quality = image.Quality with { Issues = image.Quality.Issues | mismatches },
        };
        Assert.True(await app.Service<ICatalogCuration>().ReplaceLabelsAsync(image, new CatalogEntry(configuration, seenImage), cancel));
    }
}
