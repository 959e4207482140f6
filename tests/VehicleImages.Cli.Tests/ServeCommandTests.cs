using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Xml.Linq;

namespace VehicleImages.Cli.Tests;

public sealed class ServeCommandTests
{
    [Fact]
    public async Task Serving_an_empty_data_folder_builds_the_demo_and_prints_the_vision_models_and_a_key_with_three_working_curl_lines()
    {
        using var data = new TempDirectory("vi-serve");
        using var work = new TempDirectory("vi-serve-work");
        var port = FreePort();
        using var server = CliProcess.Start(["serve", "--data", data.Path, "--urls", $"http://127.0.0.1:{port}", "--no-vin-setup"]);

        var lines = await WaitForCurlLinesAsync(server);

        Assert.Equal(3, lines.Count);
        using var json = JsonDocument.Parse(await ShellAsync(lines[0], work.Path));
        Assert.True(json.RootElement.GetProperty("success").GetBoolean());
        Assert.NotEqual(0, json.RootElement.GetProperty("images").GetArrayLength());

        var xml = XDocument.Parse(await ShellAsync(lines[1], work.Path));
        Assert.Equal("true", xml.Root!.Element("success")!.Value);
        Assert.NotEmpty(xml.Root.Element("images")!.Elements("image"));

        await ShellAsync(lines[2], work.Path);
        using var http = new HttpClient();
        using var ready = JsonDocument.Parse(await http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/readyz"), TestContext.Current.CancellationToken));
        Assert.Contains($"Vision: on ({ready.RootElement.GetProperty("vision").GetProperty("models").GetString()})", server.StandardOutput, StringComparison.Ordinal);
        var jpeg = await File.ReadAllBytesAsync(Path.Combine(work.Path, "f-pace.jpg"), TestContext.Current.CancellationToken);
        Assert.True(jpeg.Length > 1000 && jpeg[0] == 0xFF && jpeg[1] == 0xD8, "the third line downloads a JPEG");

        // Like every key, only the demo key's hash is kept: its secret is nowhere in the data folder.
        var key = lines[0].Split("key=")[1].Split('&')[0];
        foreach (var file in Directory.EnumerateFiles(data.Path, "*", SearchOption.AllDirectories).Where(f => !f.Contains("/blobs/", StringComparison.Ordinal)))
        {
            Assert.DoesNotContain(key, await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken), StringComparison.Ordinal);
        }
    }

    private static async Task<List<string>> WaitForCurlLinesAsync(CliProcess server)
    {
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (DateTime.UtcNow < deadline && !server.HasExited)
        {
            var curls = server.StandardOutput.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("curl ", StringComparison.Ordinal)).ToList();
            if (curls.Count == 3)
            {
                return curls;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"serve printed no curl lines. Output: {server.StandardOutput} Errors: {server.StandardError}");
    }

    private static async Task<string> ShellAsync(string command, string folder)
    {
        var info = new ProcessStartInfo("bash", ["-c", command]) { RedirectStandardOutput = true, WorkingDirectory = folder };
        using var process = Process.Start(info)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.Equal(0, process.ExitCode);
        return output;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
