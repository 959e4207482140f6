using VehicleImages.Application.Demo;
using VehicleImages.Domain.Images;

namespace VehicleImages.Application.Tests.Demo;

/// <summary>
/// Saves every view of each demo vehicle as one picture in the test output's artifacts folder, so that a person
/// can judge the drawings; the assertions only check the sheet was made.
/// </summary>
[Collection(DemoLibraryFixture.Collection)]
public sealed class DemoContactSheetTests(DemoLibraryFixture demo)
{
    [Fact]
    public async Task A_contact_sheet_shows_every_view_of_each_vehicle()
    {
        Directory.CreateDirectory(ContactSheet.ArtifactsFolder);
        foreach (var vehicle in demo.Rows.GroupBy(row => (Make: row["make"], Model: row["model"])))
        {
            // One colour's eight views, then each transparent set, in the manifest's order.
            var firstColour = vehicle.First()["color"];
            var rows = vehicle.Where(row => row["color"] == firstColour && !DemoLibraryFixture.IsTransparent(row))
                .Concat(vehicle.Where(DemoLibraryFixture.IsTransparent))
                .ToList();
            var tiles = rows.Select(row =>
            {
                var decoded = DemoLibraryFixture.Imaging.Decode(demo.Bytes(row), DemoLibrary.Width / 2);
                return decoded.Pixels();
            }).ToList();

            var sheet = DemoLibraryFixture.Imaging.Encode(ContactSheet.Compose(tiles, columns: 4), ImageFormat.Png);
            var path = Path.Combine(ContactSheet.ArtifactsFolder, $"demo-{vehicle.Key.Make}-{vehicle.Key.Model}.png".ToLowerInvariant());
            await File.WriteAllBytesAsync(path, sheet.Bytes, TestContext.Current.CancellationToken);

            Assert.True(new FileInfo(path).Length > 10_000);
        }
    }
}
