using System.Net;
using VehicleImages.Domain.Colours;
using VehicleImages.Domain.Images;
using VehicleImages.Storage.Catalog;

namespace VehicleImages.Api.Tests.OneAuto;

/// <summary>The colours a search lists agree with what imagefromid serves, view by view, cabin included.</summary>
public sealed class OneAutoColourTests(PaletteLibraryFixture library) : IClassFixture<PaletteLibraryFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private OneAutoClient Client => new(library.App.Client, library.Key);

    private static string IdOf(int slotIndex) => $"{PaletteLibraryFixture.Configuration}-{slotIndex}";

    [Fact]
    public async Task Colour_desc_list_holds_the_colours_every_image_id_serves_and_colour_image_ids_says_where_the_others_are()
    {
        var vehicle = Assert.Single(await Client.ImageSearchAsync("Testcar", "Palette", 2021, Cancel));

        Assert.Equal(["front", "left", "front_left", "inside_1", "inside_2"], vehicle.ImageIds.Held.Keys);
        Assert.Equal(["Red"], vehicle.ColourDescList);
        Assert.Equal(["Blue", "Red"], vehicle.ColourImageIds!.Keys);
        Assert.Equal(["front", "inside_1"], vehicle.ColourImageIds["Blue"].Keys);
        await ColourAgreement.AssertServedAsync(Client, [vehicle], Cancel);
    }

    [Fact]
    public async Task A_colour_asked_of_a_cabin_id_is_a_cabin_photo_in_that_colour_else_one_of_no_known_colour()
    {
        var cabin = await library.App.Service<ICatalog>().FindByConfigurationAsync(PaletteLibraryFixture.Configuration, [View.Interior], Cancel);
        var red = cabin.Single(i => i.Colour == GenericColour.Red).Id;
        var unknown = cabin.Single(i => i.Colour is null).Id;

        var asRed = await Client.ImageUrlAsync(IdOf(10), "Red", Cancel);
        var asBlue = await Client.ImageUrlAsync(IdOf(10), "Blue", Cancel);

        Assert.Contains($"/media/{red}/", asRed, StringComparison.Ordinal);
        Assert.Contains($"/media/{unknown}/", asBlue, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_exterior_photo_of_no_known_colour_serves_no_colour_and_a_labelled_cabin_photo_only_its_own()
    {
        Assert.Equal(HttpStatusCode.OK, await Client.ImageFromIdStatusAsync(IdOf(7), "Red", Cancel));
        Assert.Equal(HttpStatusCode.BadRequest, await Client.ImageFromIdStatusAsync(IdOf(7), "Blue", Cancel));
        Assert.Equal(HttpStatusCode.OK, await Client.ImageFromIdStatusAsync(IdOf(11), "Red", Cancel));
        Assert.Equal(HttpStatusCode.BadRequest, await Client.ImageFromIdStatusAsync(IdOf(11), "Blue", Cancel));
    }
}
