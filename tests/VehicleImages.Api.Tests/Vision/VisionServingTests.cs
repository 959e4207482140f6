using System.Net;
using System.Text.Json;
using VehicleImages.Api.Tests.OneAuto;

namespace VehicleImages.Api.Tests.Vision;

/// <summary>
/// Photos ingested with a make, model and year only are served by what vision saw in them: the vendor families'
/// filters by view, colour, photo type and quality answer with the right corpus photos.
/// </summary>
public sealed class VisionServingTests(VisionLibraryFixture vision) : IClassFixture<VisionLibraryFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Validate_true_leaves_out_what_is_not_a_vehicle_photo_and_false_keeps_it_as_the_vendor_does()
    {
        var library = vision.Get();
        var filed = library.Photos.Where(photo => photo.Year == VisionLibraryFixture.BadYear).ToList();

        var validated = await PhotosAsync($"year={VisionLibraryFixture.BadYear}");
        var unvalidated = await PhotosAsync($"year={VisionLibraryFixture.BadYear}&validate=false");

        Assert.NotEmpty(validated);
        Assert.DoesNotContain(validated, photo => photo.IsBad);
        Assert.Equal(filed.Select(photo => photo.Name).Order(), unvalidated.Select(photo => photo.Name).Order());
    }

    [Theory]
    [InlineData("side", new[] { "left", "right" })]
    [InlineData("front", new[] { "front" })]
    [InlineData("rear", new[] { "rear" })]
    [InlineData("front three-quarter", new[] { "front_left", "front_right" })]
    [InlineData("rear three-quarter", new[] { "rear_left", "rear_right" })]
    public async Task An_angle_returns_photos_the_corpus_shows_from_that_angle_only(string angle, string[] views)
    {
        vision.Get();

        var photos = await PhotosAsync($"year={VisionLibraryFixture.ViewsYear}&angle={Uri.EscapeDataString(angle)}");

        Assert.NotEmpty(photos);
        Assert.All(photos, photo => Assert.Contains(photo.View, views));
    }

    [Fact]
    public async Task Color_red_puts_the_red_cars_before_any_car_of_another_colour()
    {
        var library = vision.Get();
        var reds = library.Photos.Count(photo => photo.Year == VisionLibraryFixture.ColoursYear && photo.Colour == "Red");

        var photos = await PhotosAsync($"year={VisionLibraryFixture.ColoursYear}&color=red");

        Assert.Equal(Enumerable.Repeat("Red", reds), photos.Take(reds).Select(photo => photo.Colour));
    }

    [Fact]
    public async Task Photo_type_interior_returns_the_cabins_and_the_default_exterior_answer_none_of_them()
    {
        var library = vision.Get();
        var cabins = library.Photos.Where(photo => photo.PhotoType == "interior").Select(photo => photo.Name).Order();

        var interiors = await PhotosAsync($"year={VisionLibraryFixture.ViewsYear}&photoType=interior");
        var exteriors = await PhotosAsync($"year={VisionLibraryFixture.ViewsYear}&validate=false");

        Assert.Equal(cabins, interiors.Select(photo => photo.Name).Order());
        Assert.All(exteriors, photo => Assert.Equal("exterior", photo.PhotoType));
    }

    [Fact]
    public async Task OneAuto_has_an_image_id_for_each_view_the_unlabelled_photos_show_and_each_serves_that_view()
    {
        var library = vision.Get();
        var client = new OneAutoClient(library.App.Client, library.Key);

        var vehicles = await client.ImageSearchAsync(VisionLibraryFixture.Make, VisionLibraryFixture.Model, VisionLibraryFixture.ViewsYear, Cancel);

        var held = Assert.Single(vehicles).ImageIds.Held;
        string[] exterior = ["front", "front_right", "right", "rear_right", "rear", "rear_left", "left", "front_left"];
        Assert.Superset(new HashSet<string>([.. exterior, "inside_1"]), held.Keys.ToHashSet());
        foreach (var view in exterior)
        {
            var link = await client.ImageUrlAsync(held[view], "", Cancel);
            Assert.Equal(view, library.PhotoOf(ImageIdOf(link)).View);
        }
    }

    /// <summary>The corpus photos a CarsXE /images call for the fixture's car returns, in its order.</summary>
    private async Task<List<Photo>> PhotosAsync(string parameters)
    {
        var response = await vision.App.Client.GetAsync(
            $"/images?key={vision.Key}&make={VisionLibraryFixture.Make}&model={VisionLibraryFixture.Model}&{parameters}", Cancel);
        var text = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        using var body = JsonDocument.Parse(text);
        return [.. body.RootElement.GetProperty("images").EnumerateArray().Select(image => vision.PhotoOf(ImageIdOf(image.GetProperty("link").GetString()!)))];
    }

    /// <summary>The image ID a media link names: "/media/{id}/{variant}".</summary>
    private string ImageIdOf(string link)
    {
        var segments = new Uri(vision.App.Address, link).AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments[Array.IndexOf(segments, "media") + 1];
    }
}
