using System.Text.Json;

namespace VehicleImages.Cli.Tests;

public sealed class VinCommandTests
{
    private const string F150 = "1FTEW1C52PFA86825";

    [Fact]
    public async Task Vin_decode_without_the_vPIC_data_installs_it_and_answers_the_model()
    {
        using var data = new TempDirectory("vi-cli-vin");

        // npm's own cache keeps the package between runs; the registry is asked only when the cache lacks it.
        var (exitCode, output, _) = await CliProcess.RunAsync(
            ["vin", "decode", F150, "--data", data.Path], new Dictionary<string, string> { ["npm_config_prefer_offline"] = "true" });

        Assert.Equal(0, exitCode);
        var report = JsonDocument.Parse(output).RootElement;
        Assert.Equal(("vpic", "F-150"), (report.GetProperty("decodedFrom").GetString(), report.GetProperty("model").GetString()));
        Assert.Empty(report.GetProperty("warnings").EnumerateArray());
        Assert.True(File.Exists(Path.Combine(data.Path, "vpic", "vpic.lite.db")), "the vPIC data is installed in the data folder");
    }

    [Fact]
    public async Task Vin_decode_where_the_vPIC_data_cannot_be_installed_says_the_answer_is_partial_and_which_command_fixes_it()
    {
        using var data = new TempDirectory("vi-cli-vin");
        using var emptyNpmCache = new TempDirectory("vi-cli-npm-cache");
        var offline = new Dictionary<string, string> { ["npm_config_offline"] = "true", ["npm_config_cache"] = emptyNpmCache.Path };

        var (exitCode, output, error) = await CliProcess.RunAsync(["vin", "decode", F150, "--data", data.Path], offline);

        Assert.Equal(0, exitCode);
        var report = JsonDocument.Parse(output).RootElement;
        Assert.Equal(("wmi-table", "FORD"), (report.GetProperty("decodedFrom").GetString(), report.GetProperty("make").GetString()?.ToUpperInvariant()));
        Assert.Equal(JsonValueKind.Null, report.GetProperty("model").ValueKind);
        var partial = Assert.Single(report.GetProperty("warnings").EnumerateArray()).GetString()!;
        Assert.StartsWith("partial answer: the vPIC data is not installed", partial, StringComparison.Ordinal);
        Assert.Contains($"`vehicle-images vin setup --into {Path.Combine(data.Path, "vpic")}`", partial, StringComparison.Ordinal);
        Assert.Contains("could not install the VIN database", error, StringComparison.Ordinal);
    }
}
