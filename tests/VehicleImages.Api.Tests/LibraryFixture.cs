using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using VehicleImages.Application.Ingest;
using VehicleImages.Application.Ingest.Sources;
using VehicleImages.Domain.Keys;
using VehicleImages.Imaging;
using VehicleImages.Storage.Keys;

namespace VehicleImages.Api.Tests;

/// <summary>
/// The app with a small library ingested through the real pipeline, and keys to call it with. The rows are chosen
/// so each ranking rule and filter has something to decide.
/// </summary>
public class LibraryFixture : IAsyncLifetime
{
    /// <summary>One fixture image: its labels, and the picture's size and kind.</summary>
    public sealed record Row(
        string File, string Make, string Model, string Year, string Trim, string View, string Colour, string License, bool Alpha, int Width, int Height,
        string Vin = "", string Source = "", string Sequence = "", string Registration = "");

    public const string FordVin = "1FTEW1C52PFA86825";

    public static readonly Row[] Rows =
    [
        new("fpace-s-white-fl", "Jaguar", "F-PACE", "2019", "S", "front_left", "Glacier White", "Public", false, 2400, 1600),
        new("fpace-s-white-side", "Jaguar", "F-PACE", "2019", "S", "left", "Glacier White", "Public", false, 1200, 800),
        new("fpace-s-white-front", "Jaguar", "F-PACE", "2019", "S", "front", "Glacier White", "ModifyCommercially", false, 900, 600),
        new("fpace-s-white-rear", "Jaguar", "F-PACE", "2019", "S", "rear", "Glacier White", "Share", false, 900, 600),
        new("fpace-prestige-red-fr", "Jaguar", "F-PACE", "2019", "Prestige", "front_right", "Firenze Red", "Public", false, 1500, 1000),
        new("fpace-prestige-black-cut", "Jaguar", "F-PACE", "2019", "Prestige", "front_right", "Santorini Black", "Public", true, 1000, 700),
        new("fpace-s-cabin", "Jaguar", "F-PACE", "2019", "S", "interior", "Glacier White", "Public", false, 900, 600),
        new("fpace-2017-red", "Jaguar", "F-PACE", "2016-2018", "R-Sport", "front_left", "Firenze Red", "Public", false, 900, 600),
        new("fpace-s-tiny", "Jaguar", "F-PACE", "2019", "S", "rear_left", "Glacier White", "Public", false, 120, 80),
        new("f150-xlt-blue", "Ford", "F-150", "2023", "XLT", "front_left", "Race Blue", "", false, 1200, 800),

        // Inventory photos of one truck, listed out of gallery order on purpose.
        new("ford-vin-3", "Ford", "F-150", "2023", "SuperCrew", "rear", "Agate Black", "", false, 1000, 750, FordVin, "retail", "3"),
        new("ford-vin-cabin", "Ford", "F-150", "2023", "SuperCrew", "interior", "Agate Black", "", false, 1000, 750, FordVin, "retail"),
        new("ford-vin-1", "Ford", "F-150", "2023", "SuperCrew", "front_left", "Agate Black", "", false, 1000, 750, FordVin, "retail", "1"),
        new("ford-vin-2", "Ford", "F-150", "2023", "SuperCrew", "left", "Agate Black", "", false, 1000, 750, FordVin, "retail", "2"),
        new("ford-vin-auction", "Ford", "F-150", "2023", "SuperCrew", "front", "Agate Black", "", false, 800, 600, FordVin, "wholesale", "1"),

        // A UK car known by its registration mark only.
        new("tt-silver-fr", "Audi", "TT", "2006-2014", "Coupe 2.0 TFSI", "front_right", "Ice Silver", "Public", false, 1200, 800, Registration: "AB12 CDE"),
    ];

    private TestApp? _app;

    public TestApp App => _app ?? throw new InvalidOperationException("Not started.");

    public string Key { get; private set; } = "";

    public string RevokedKey { get; private set; } = "";

    public string AdminOnlyKey { get; private set; } = "";

    /// <summary>Settings a fixture for a special case starts the app with.</summary>
    protected virtual IDictionary<string, string?>? Settings => null;

    /// <summary>Services a fixture puts in place of the app's own, such as a clock that moves only when told to.</summary>
    protected virtual void Replace(IServiceCollection services)
    {
    }

    /// <summary>Runs before the app starts, e.g. to start a backend that <see cref="Settings"/> then name.</summary>
    protected virtual ValueTask PrepareAsync() => ValueTask.CompletedTask;

    /// <summary>Runs after the app has stopped.</summary>
    protected virtual ValueTask CleanUpAsync() => ValueTask.CompletedTask;

    public async ValueTask InitializeAsync()
    {
        await PrepareAsync();
        _app = await TestApp.StartAsync(Settings, replace: Replace);
        await IngestAsync();
        Key = await CreateKeyAsync("tests", KeyScopes.Api);
        RevokedKey = await CreateKeyAsync("revoked", KeyScopes.Api, revoke: true);
        AdminOnlyKey = await CreateKeyAsync("admin only", KeyScopes.Admin);
    }

    public async ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        await CleanUpAsync();
    }

    public async Task<string> CreateKeyAsync(string name, KeyScopes scopes, bool revoke = false)
    {
        var (key, secret) = KeySecrets.Create(name, scopes, "default", DateTimeOffset.UtcNow);
        var store = App.Service<IApiKeyStore>();
        await store.AddAsync(key, CancellationToken.None);
        if (revoke)
        {
            await store.RevokeAsync(key.Id, DateTimeOffset.UtcNow, CancellationToken.None);
        }

        return secret;
    }

    private async Task IngestAsync()
    {
        var imaging = App.Service<ImageProcessor>();
        var folder = Path.Combine(App.DataDirectory, "fixture");
        Directory.CreateDirectory(folder);
        var manifest = new StringBuilder("file,make,model,year,trim,view,color,license,context_link,vin,source,sequence,registration\n");
        for (var i = 0; i < Rows.Length; i++)
        {
            var row = Rows[i];
            var file = row.File + (row.Alpha ? ".png" : ".jpg");
            await File.WriteAllBytesAsync(Path.Combine(folder, file), TestPictures.Make(imaging, i + 1, row.Width, row.Height, row.Alpha));
            manifest.Append(CultureInfo.InvariantCulture, $"{file},{row.Make},{row.Model},{row.Year},{row.Trim},{row.View},{row.Colour},{row.License},https://dealer.example/{row.File},{row.Vin},{row.Source},{row.Sequence},{row.Registration}\n");
        }

        var path = Path.Combine(folder, "manifest.csv");
        await File.WriteAllTextAsync(path, manifest.ToString());
        var summary = await App.Service<IngestPipeline>().RunAsync(IngestSources.Expand([path]).ToList(), new IngestOptions(), null, CancellationToken.None);
        if (summary.Ingested != Rows.Length)
        {
            throw new InvalidOperationException($"Fixture ingest: {summary.Ingested} of {Rows.Length}: {string.Join("; ", summary.Rejections.Select(r => r.Message))}");
        }
    }
}
