using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace VehicleImages.Api.Tests;

/// <summary>The real application on its own data folder, listening on a free loopback port: one per test class or test.</summary>
public sealed class TestApp : IAsyncDisposable
{
    private readonly TempDirectory _data;

    private TestApp(TempDirectory data, WebApplication app, Uri address)
    {
        _data = data;
        App = app;
        Address = address;
        Client = new HttpClient { BaseAddress = address };
    }

    public WebApplication App { get; }

    public Uri Address { get; }

    public HttpClient Client { get; }

    public string DataDirectory => _data.Path;

    /// <summary>
    /// The setting that turns vision on for a test of it, unless whoever runs the tests switched vision off
    /// deliberately (VEHICLE_IMAGES_Vision__Enabled=false); those tests then skip and say so.
    /// </summary>
    public static KeyValuePair<string, string?> VisionOn =>
        new("Vision:Enabled", Environment.GetEnvironmentVariable("VEHICLE_IMAGES_Vision__Enabled") is { } set && set.Equals("false", StringComparison.OrdinalIgnoreCase) ? "false" : "true");

    public T Service<T>()
        where T : notnull => App.Services.GetRequiredService<T>();

    /// <summary>
    /// Starts the app on a fresh data folder. Keys get a generous default plan unless <paramref name="settings"/>
    /// say otherwise; <paramref name="settingsFile"/> is a JSON file watched for changes, as appsettings.json is;
    /// <paramref name="replace"/> puts in a test's own clock or wrapped store.
    /// </summary>
    public static async Task<TestApp> StartAsync(
        IDictionary<string, string?>? settings = null, string? settingsFile = null, Action<IServiceCollection>? replace = null)
    {
        var data = new TempDirectory("vi-api");
        var builder = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Storage:DataDirectory"] = data.Path,
                ["urls"] = "http://127.0.0.1:0",
                ["Logging:LogLevel:Default"] = "Warning",
                ["Vin:VpicDirectory"] = VpicData.Directory,
                ["Access:Plans:default:RequestsPerSecond"] = "100000",
                ["Access:Plans:default:Burst"] = "100000",

                // The families' fixture libraries are drawings, which the gate rightly calls renders; the tests of wire
                // formats run with vision off, as an operator may. Tests of vision pass VisionOn.
                ["Vision:Enabled"] = "false",
            })
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        if (settingsFile is not null)
        {
            builder.AddJsonFile(settingsFile, optional: false, reloadOnChange: true);
        }

        var configuration = builder.Build();
        WebApplication app;
        try
        {
            app = await ApiHost.CreateAsync(configuration, CancellationToken.None, replace);
        }
        catch
        {
            // A start that is refused (a test of start-up checks) leaves no data folder behind.
            VehicleImages.Storage.StorageFactory.CloseSqliteConnections();
            data.Dispose();
            throw;
        }

        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new TestApp(data, app, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        VehicleImages.Storage.StorageFactory.CloseSqliteConnections();
        _data.Dispose();
    }
}
