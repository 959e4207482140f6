using System.Net;
using System.Text.Json;
using VehicleImages.Api.Hosting;
using VehicleImages.Vision;
using VehicleImages.Vision.Backbone;
using VehicleImages.Vision.Heads;

namespace VehicleImages.Api.Tests.Health;

/// <summary>With vision on, the models load before the server listens and /readyz names them; a bad model stops the start.</summary>
public sealed class VisionReadinessTests
{
    private static readonly KeyValuePair<string, string?> VisionOn = new("Vision:Enabled", "true");

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Readyz_names_the_backbone_and_heads_vision_sees_with()
    {
        await using var app = await TestApp.StartAsync(new Dictionary<string, string?>([VisionOn]));

        var vision = await ReadyVisionAsync(app);

        Assert.True(vision.GetProperty("enabled").GetBoolean());
        Assert.Equal($"{ResNetBackbone.Version}+{VisionHeads.Shipped().Version}", vision.GetProperty("models").GetString());
    }

    [Fact]
    public async Task Readyz_says_vision_is_off_when_it_is_switched_off()
    {
        await using var app = await TestApp.StartAsync(new Dictionary<string, string?> { ["Vision:Enabled"] = "false" });

        var vision = await ReadyVisionAsync(app);

        Assert.False(vision.GetProperty("enabled").GetBoolean());
        Assert.False(vision.TryGetProperty("models", out _));
    }

    [Fact]
    public async Task A_tampered_model_stops_the_start_naming_the_file_and_its_checksum()
    {
        using var models = new TempDirectory("vi-models");
        File.Copy(Path.Combine(ImageVision.DefaultModelDirectory, ResNetBackbone.PreprocessFile), Path.Combine(models.Path, ResNetBackbone.PreprocessFile));
        var tampered = Path.Combine(models.Path, ResNetBackbone.ModelFile);
        var bytes = await File.ReadAllBytesAsync(Path.Combine(ImageVision.DefaultModelDirectory, ResNetBackbone.ModelFile), Cancel);
        bytes[bytes.Length / 2] ^= 0xFF;
        await File.WriteAllBytesAsync(tampered, bytes, Cancel);

        var refused = await Assert.ThrowsAsync<VisionUnavailableException>(
            () => TestApp.StartAsync(new Dictionary<string, string?> { ["Vision:ModelDirectory"] = models.Path, ["Vision:Enabled"] = "true" }));

        Assert.Contains(tampered, refused.Message, StringComparison.Ordinal);
        Assert.Contains("SHA-256", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_model_stops_the_start_naming_the_file()
    {
        using var models = new TempDirectory("vi-models");

        var refused = await Assert.ThrowsAsync<VisionUnavailableException>(
            () => TestApp.StartAsync(new Dictionary<string, string?> { ["Vision:ModelDirectory"] = models.Path, ["Vision:Enabled"] = "true" }));

        Assert.Contains(Path.Combine(models.Path, ResNetBackbone.PreprocessFile), refused.Message, StringComparison.Ordinal);
        Assert.Contains("missing", refused.Message, StringComparison.Ordinal);
    }

    private static async Task<JsonElement> ReadyVisionAsync(TestApp app)
    {
        var response = await app.Client.GetAsync("/readyz", Cancel);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return body.RootElement.GetProperty("vision").Clone();
    }
}
