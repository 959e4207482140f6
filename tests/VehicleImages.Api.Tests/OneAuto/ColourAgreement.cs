using System.Net;

namespace VehicleImages.Api.Tests.OneAuto;

/// <summary>What a search says about colours, checked against what imagefromid then serves.</summary>
internal static class ColourAgreement
{
    /// <summary>
    /// Each listed colour answers 200 for every held image ID; each colour in <c>colour_image_ids</c> answers 200 for
    /// exactly the IDs it names there and 400 for the other held ones.
    /// </summary>
    public static async Task AssertServedAsync(OneAutoClient client, IEnumerable<OneAutoVehicle> vehicles, CancellationToken cancellationToken)
    {
        foreach (var vehicle in vehicles)
        {
            var held = vehicle.ImageIds.Held;
            var byColour = vehicle.ColourImageIds ?? throw new InvalidOperationException("colour_image_ids is missing");
            Assert.Subset(byColour.Keys.ToHashSet(), vehicle.ColourDescList.ToHashSet());
            foreach (var colour in vehicle.ColourDescList)
            {
                Assert.Equal(held, byColour[colour]);
            }

            foreach (var (colour, serving) in byColour)
            {
                foreach (var (view, id) in held)
                {
                    var expected = serving.ContainsKey(view) ? HttpStatusCode.OK : HttpStatusCode.BadRequest;
                    Assert.True(
                        expected == await client.ImageFromIdStatusAsync(id, colour, cancellationToken),
                        $"{vehicle.ManufacturerDesc} {vehicle.ModelRangeDesc} {vehicle.DerivativeDesc}: {colour} at {view} ({id}) should be {(int)expected}");
                }
            }
        }
    }
}
