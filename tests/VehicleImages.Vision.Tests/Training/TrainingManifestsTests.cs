using VehicleImages.Domain.Colours;
using VehicleImages.Domain.Images;
using VehicleImages.Domain.Vision;
using VehicleImages.Vision.Training;

namespace VehicleImages.Vision.Tests.Training;

public sealed class TrainingManifestsTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("vision-manifests-");

    [Fact]
    public void Rows_become_labelled_photos_with_their_content_view_colour_and_mask()
    {
        var manifest = Write("manifest.csv", """
            file,make,model,year,angle,view,view_alt,color,photo_type,expect,mask
            carvana/abc123_02.jpg,,,,front three-quarter,front_left,front,,exterior,good,carvana_masks/abc123_02_mask.png
            lire/red_1.jpg,Ferrari,,,,,,Red,exterior,good,
            bad/wheel.jpg,Ford,Focus,2012,,,,,,bad_not_vehicle_photo,
            cabin/seat.jpg,Ford,Focus,2012,,,,,interior,good,
            toys/t.jpg,,,,,,,,,bad_toy,
            """);

        var photos = TrainingManifests.Read([manifest]);

        Assert.Equal(5, photos.Count);
        Assert.Equal([View.FrontLeft, View.Front], photos[0].Views);
        Assert.Equal(Path.Combine(_folder.FullName, "carvana_masks/abc123_02_mask.png"), photos[0].Mask);
        Assert.Equal(Path.Combine(_folder.FullName, "carvana/abc123_02.jpg"), photos[0].Source);
        Assert.Equal("carvana", photos[0].Domain);
        Assert.Equal(GenericColour.Red, photos[1].Colour);
        Assert.Equal(
            [ContentClass.Exterior, ContentClass.Exterior, ContentClass.Part, ContentClass.Interior, ContentClass.Toy],
            photos.Select(photo => photo.Content!.Value));
    }

    [Fact]
    public void Photos_of_one_car_share_a_group_and_others_do_not()
    {
        var manifest = Write("manifest.csv", """
            file,make,model,year,vin,expect
            a/car1_01.jpg,,,,,good
            a/car1_09.jpg,,,,,good
            a/car1_01_cutout.png,,,,,good
            a/car2_01.jpg,,,,,good
            b/1.jpg,Ford,Focus,2012,,good
            b/2.jpg,Ford,Focus,2012,,good
            b/3.jpg,Ford,Focus,2013,,good
            c/x.jpg,Ferrari,,,,good
            c/y.jpg,Ferrari,,,,good
            d/v1.jpg,Ford,Focus,2012,1FAHP3F2XCL123456,good
            """);

        var groups = TrainingManifests.Read([manifest]).Select(photo => photo.Group).ToList();

        Assert.Equal(groups[0], groups[1]);
        Assert.Equal(groups[0], groups[2]);
        Assert.NotEqual(groups[0], groups[3]);
        Assert.Equal(groups[4], groups[5]);
        Assert.NotEqual(groups[4], groups[6]);
        Assert.NotEqual(groups[7], groups[8]);
        Assert.NotEqual(groups[4], groups[9]);
    }

    [Fact]
    public void A_labels_only_file_adds_views_to_the_photos_other_manifests_list()
    {
        var manifest = Write("manifest.csv", """
            file,make,model,year,expect
            web/1.jpg,Audi,TTS,2012,good
            web/2.jpg,Audi,TTS,2012,good
            web/3.jpg,Audi,TTS,2012,good
            """);
        var views = Write("views.csv", """
            file,view,confident
            web/1.jpg,rear_right,yes
            web/2.jpg,front,no
            web/3.jpg,interior,yes
            web/9.jpg,left,yes
            """);

        var photos = TrainingManifests.Read([manifest, views]);

        Assert.Equal(3, photos.Count);
        Assert.Equal([View.RearRight], photos[0].Views);
        Assert.Null(photos[1].Views);
        Assert.Null(photos[2].Views);
    }

    public void Dispose() => _folder.Delete(recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder.FullName, name);
        File.WriteAllText(path, text);
        return path;
    }
}
