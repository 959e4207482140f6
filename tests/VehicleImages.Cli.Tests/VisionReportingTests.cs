using System.Text.Json;

namespace VehicleImages.Cli.Tests;

/// <summary>The ingest summary and serve say whether vision is on, with which models, and what it filled.</summary>
public sealed class VisionReportingTests
{
    private static readonly string[] Labels = ["--make", "Audi", "--model", "TTS", "--year", "2012"];

    [Fact]
    public async Task The_ingest_summary_names_the_vision_models_and_counts_the_labels_they_filled()
    {
        Corpus.Require();
        using var jsonData = new TempDirectory("vi-cli");
        using var textData = new TempDirectory("vi-cli");
        var photo = Corpus.File("stanford/00001.jpg");

        var (_, json, _) = await CliProcess.RunAsync(["ingest", photo, "--data", jsonData.Path, "--json", .. Labels]);
        var (exitCode, text, _) = await CliProcess.RunAsync(["ingest", photo, "--data", textData.Path, .. Labels]);

        using var summary = JsonDocument.Parse(json);
        var models = summary.RootElement.GetProperty("vision").GetString();
        var filled = summary.RootElement.GetProperty("filledByPrediction").EnumerateObject().ToList();
        Assert.Equal(0, exitCode);
        Assert.NotNull(models);
        Assert.Contains($"Vision: {models}\n", text, StringComparison.Ordinal);
        Assert.NotEmpty(filled);
        var width = filled.Max(field => field.Name.Length);
        Assert.Contains("Labels no one gave, filled by vision:\n", text, StringComparison.Ordinal);
        Assert.All(filled, field => Assert.Contains($"  {field.Name.PadRight(width)}  {field.Value.GetInt32()}\n", text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_ingest_summary_says_when_vision_is_off()
    {
        Corpus.Require();
        using var data = new TempDirectory("vi-cli");

        var (exitCode, text, _) = await CliProcess.RunAsync(
            ["ingest", Corpus.File("stanford/00001.jpg"), "--data", data.Path, .. Labels],
            new Dictionary<string, string> { ["VEHICLE_IMAGES_Vision__Enabled"] = "false" });

        Assert.Equal(0, exitCode);
        Assert.Contains("Vision: off", text, StringComparison.Ordinal);
        Assert.DoesNotContain("filled by vision", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("serve", "--no-demo", "--no-vin-setup", "--urls", "http://127.0.0.1:0")]
    [InlineData("ingest", "--make", "Audi", "--model", "TTS")]
    public async Task A_missing_vision_model_stops_the_command_before_it_starts_naming_the_file(params string[] command)
    {
        using var data = new TempDirectory("vi-cli");
        using var models = new TempDirectory("vi-models");

        var (exitCode, _, error) = await CliProcess.RunAsync(
            [command[0], .. command[0] == "ingest" ? new[] { data.Path } : [], "--data", data.Path, .. command[1..]],
            new Dictionary<string, string> { ["VEHICLE_IMAGES_Vision__ModelDirectory"] = models.Path });

        Assert.Equal(3, exitCode);
        Assert.Contains(models.Path, error, StringComparison.Ordinal);
        Assert.Contains("Vision:Enabled=false", error, StringComparison.Ordinal);
    }
}
