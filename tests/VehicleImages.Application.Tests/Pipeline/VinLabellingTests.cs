using System.Text;
using VehicleImages.Application.Ingest;
using VehicleImages.Application.Vins;
using VehicleImages.Domain.Images;
using VehicleImages.Storage.Vpic;

namespace VehicleImages.Application.Tests.Pipeline;

/// <summary>Manifest rows with a VIN: labelled from it when they give no make or model, reported when they contradict it.</summary>
public sealed class VinLabellingTests
{
    [Fact]
    public async Task Rows_with_a_vin_and_no_labels_are_labelled_from_the_decoder_and_contradictions_are_reported()
    {
        Corpus.Require();
        var vpic = await VpicDecoder.OpenAsync(VpicData.Require(), TestContext.Current.CancellationToken);
        await using var library = await TestLibrary.CreateAsync(new VinDecoder(vpic));
        using var folder = new TempDirectory("vi-vin-rows");
        var files = new[] { "stanford/00001.jpg", "stanford/00003.jpg", "stanford/00004.jpg", "stanford/00008.jpg" };
        for (var i = 0; i < files.Length; i++)
        {
            File.Copy(Corpus.File(files[i]), folder.Combine($"{i}.jpg"));
        }

        var manifest = new StringBuilder("file,vin,make,model,year,source,sequence\n")
            .Append("0.jpg,1FTEW1C52PFA86825,,,,retail,1\n")
            .Append("1.jpg,SADCM2FV6KA360455,Ford,Mustang,2019,retail,1\n")
            .Append("2.jpg,1FTEW1C52PFA8682,,,,retail,2\n")
            .Append("3.jpg,SADCM2FV6KA360455,Jaguar,F-Pace,2019,retail,2\n")
            .ToString();
        var path = folder.Combine("manifest.csv");
        await File.WriteAllTextAsync(path, manifest, TestContext.Current.CancellationToken);

        var summary = await library.IngestAsync([path]);

        Assert.Equal(3, summary.Ingested);
        Assert.Equal("invalid_vin", Assert.Single(summary.Rejections).Reason);
        var warning = Assert.Single(summary.Warnings);
        Assert.Equal(("manifest.csv:3", "vin_mismatch"), (warning.Item, warning.Reason));
        Assert.Contains("make 'Ford' but the VIN says 'Jaguar'", warning.Message, StringComparison.Ordinal);

        var labelled = await library.Catalog.FindImageAsync(ContentHash.Of(Corpus.Bytes(files[0])).ImageId, TestContext.Current.CancellationToken);
        var configuration = await library.Catalog.FindConfigurationAsync(labelled!.ConfigurationId, TestContext.Current.CancellationToken);
        Assert.Equal(("Ford", "F-150", "2023", "SuperCrew"), (configuration!.Make, configuration.Model, configuration.Years.ToString(), configuration.Trim));
        Assert.Equal(("1FTEW1C52PFA86825", ImageSource.Retail, 1), (labelled.Vin, labelled.Source, labelled.Sequence));
    }

    [Fact]
    public async Task Without_vpic_a_vin_alone_gives_the_make_but_no_model_so_the_row_is_rejected_for_its_model()
    {
        Corpus.Require();
        await using var library = await TestLibrary.CreateAsync();
        using var folder = new TempDirectory("vi-vin-rows");
        File.Copy(Corpus.File("stanford/00001.jpg"), folder.Combine("0.jpg"));
        var path = folder.Combine("manifest.csv");
        await File.WriteAllTextAsync(path, "file,vin\n0.jpg,1FTEW1C52PFA86825\n", TestContext.Current.CancellationToken);

        var summary = await library.IngestAsync([path]);

        Assert.Equal("missing_model", Assert.Single(summary.Rejections).Reason);
    }
}
