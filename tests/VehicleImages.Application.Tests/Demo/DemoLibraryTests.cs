using VehicleImages.Application.Demo;
using VehicleImages.Domain.Images;

namespace VehicleImages.Application.Tests.Demo;

/// <summary>The demo library is a complete, well-formed set: every file listed, every picture the stated size and format.</summary>
[Collection(DemoLibraryFixture.Collection)]
public sealed class DemoLibraryTests(DemoLibraryFixture demo)
{
    private static readonly string[] ExteriorViews = ["front", "front_right", "right", "rear_right", "rear", "rear_left", "left", "front_left"];

    [Fact]
    public void The_manifest_lists_every_file_and_every_listed_file_exists()
    {
        var listed = demo.Rows.Select(row => row["file"]).ToList();
        var written = Directory.EnumerateFiles(demo.Folder).Select(Path.GetFileName).Where(name => name != DemoLibrary.ManifestFileName);

        Assert.Equal(listed.Count, listed.Distinct().Count());
        Assert.Equal(written.Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
        Assert.True(demo.Rows.Count >= 4 * 2 * 8, $"only {demo.Rows.Count} pictures");
    }

    [Fact]
    public void Every_row_carries_the_demo_labels()
    {
        Assert.All(demo.Rows, row =>
        {
            Assert.Equal("Public", row["license"]);
            Assert.Equal("Vehicle Images demo (drawn)", row["attribution"]);
            Assert.Equal("stock", row["source"]);
            Assert.Equal("exterior", row["photo_type"]);
            Assert.Contains(row["view"], ExteriorViews);
            Assert.False(string.IsNullOrWhiteSpace(row["body"]));
        });
        Assert.Contains(demo.Rows, row => (row["make"], row["model"], row["year"]) == ("Jaguar", "F-PACE", "2019"));
        Assert.Contains(demo.Rows, row => (row["make"], row["model"], row["year"]) == ("Ford", "F-150", "2023"));
        Assert.Contains(demo.Rows, row => (row["make"], row["model"], row["year"]) == ("Audi", "TT", "2006-2014"));
    }

    [Fact]
    public void Every_vehicle_has_all_eight_exterior_views_in_every_colour()
    {
        var sets = demo.Rows.GroupBy(row => (row["make"], row["model"], row["color"], DemoLibraryFixture.IsTransparent(row)));

        Assert.All(sets, set => Assert.Equal(ExteriorViews.Order(), set.Select(row => row["view"]).Order()));
        Assert.All(demo.Rows.GroupBy(row => row["model"]), vehicle => Assert.True(vehicle.Select(row => row["color"]).Distinct().Count() >= 2));
    }

    [Fact]
    public void Every_picture_decodes_at_the_stated_size_and_format()
    {
        Assert.All(demo.Rows, row =>
        {
            var header = DemoLibraryFixture.Imaging.Probe(demo.Bytes(row));
            Assert.Equal((DemoLibrary.Width, DemoLibrary.Height), (header.Width, header.Height));
            Assert.Equal(DemoLibraryFixture.IsTransparent(row) ? ImageFormat.Png : ImageFormat.Jpeg, header.Format);
        });
    }

    [Fact]
    public void Cut_outs_are_transparent_around_the_car_and_studio_shots_are_opaque()
    {
        Assert.Contains(demo.Rows, DemoLibraryFixture.IsTransparent);
        Assert.All(demo.Rows, row =>
        {
            var bytes = demo.Bytes(row);
            if (!DemoLibraryFixture.IsTransparent(row))
            {
                Assert.False(DemoLibraryFixture.Imaging.Probe(bytes).HasAlpha);
                return;
            }

            var decoded = DemoLibraryFixture.Imaging.Decode(bytes, DemoLibrary.Width);
            var pixels = decoded.Pixels();
            Assert.True(pixels.HasAlpha);
            var alpha = pixels.Bands - 1;
            var corners = new[] { (0, 0), (pixels.Width - 1, 0), (0, pixels.Height - 1), (pixels.Width - 1, pixels.Height - 1) };
            Assert.All(corners, corner => Assert.Equal(0, pixels[corner.Item1, corner.Item2, alpha]));
            Assert.Equal(255, pixels[pixels.Width / 2, pixels.Height / 2, alpha]); // the middle of the car is solid
        });
    }

    [Fact]
    public async Task Two_runs_write_the_same_bytes()
    {
        using var again = new TempDirectory("vi-demo-again");
        await DemoLibrary.WriteAsync(again.Path, DemoLibraryFixture.Imaging, TestContext.Current.CancellationToken);

        foreach (var name in demo.Rows.Select(row => row["file"]).Append(DemoLibrary.ManifestFileName))
        {
            Assert.True(File.ReadAllBytes(Path.Combine(demo.Folder, name)).AsSpan().SequenceEqual(File.ReadAllBytes(again.Combine(name))), $"{name} differs");
        }
    }
}
