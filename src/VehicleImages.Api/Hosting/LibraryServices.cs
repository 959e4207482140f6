using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VehicleImages.Api.Media;
using VehicleImages.Application.Access;
using VehicleImages.Application.Demo;
using VehicleImages.Application.Ingest;
using VehicleImages.Application.Keys;
using VehicleImages.Application.Media;
using VehicleImages.Application.Renditions;
using VehicleImages.Application.Vins;
using VehicleImages.Imaging;
using VehicleImages.Storage;
using VehicleImages.Storage.Blobs;
using VehicleImages.Storage.Catalog;
using VehicleImages.Storage.Vpic;

namespace VehicleImages.Api.Hosting;

/// <summary>
/// The services every command shares, web or not: options from configuration, libvips, the catalog, the blob
/// store and ingest. Backends are opened once, here, and validated at start-up.
/// </summary>
public static class LibraryServices
{
    public static async Task<IServiceCollection> AddLibraryAsync(this IServiceCollection services, IConfiguration configuration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var imaging = Bind<ImagingOptions>(configuration, ImagingOptions.Section);
        var storage = Bind<StorageOptions>(configuration, StorageOptions.Section);
        var media = Bind<MediaOptions>(configuration, MediaOptions.Section);
        var vin = Bind<VinOptions>(configuration, VinOptions.Section);
        var access = Bind<AccessOptions>(configuration, AccessOptions.Section);
        var plans = new PlanBook(access);

        // Fails loudly, with the fix, before anything listens: libvips missing or too old, catalog unreadable.
        var processor = new ImageProcessor(imaging);
        var catalog = await StorageFactory.OpenCatalogAsync(storage, cancellationToken);
        var blobs = StorageFactory.OpenBlobStore(storage);
        var keys = await StorageFactory.OpenKeysAsync(storage, cancellationToken);
        var usage = await StorageFactory.OpenUsageAsync(storage, cancellationToken);
        var signer = new LinkSigner(SigningKeys.Load(media, storage.DataDirectory));
        var vpic = await VpicDecoder.OpenAsync(Path.Combine(vin.VpicDirectoryFor(storage.DataDirectory), VpicSetup.DatabaseFileName), cancellationToken);

        services.AddSingleton(Options.Create(imaging));
        services.AddSingleton(Options.Create(storage));
        services.AddSingleton(processor);
        services.AddSingleton(catalog);
        services.AddSingleton(blobs);
        services.AddSingleton(Options.Create(media));
        services.AddSingleton(media);
        services.AddSingleton(keys);
        services.AddSingleton(signer);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IngestPipeline>();
        services.AddSingleton<KeyAuthenticator>();
        services.AddSingleton(access);
        services.AddSingleton(plans);
        services.AddSingleton(usage);
        services.AddSingleton<UsageMeter>();
        services.AddSingleton<RateLimiter>();
        services.AddSingleton<FailedAttempts>();
        services.AddSingleton<KeyAccess>();
        services.AddSingleton<KeyManager>();
        services.AddSingleton<UsageReports>();
        services.AddSingleton<MediaLinks>();
        services.AddSingleton(_ => new RenderGate(media.MaxConcurrentRenders, media.MaxQueuedRenders));
        services.AddSingleton<RenditionService>();
        services.AddSingleton<ImageLinks>();
        services.AddSingleton<DemoSeeder>();
        services.AddSingleton<MediaImages>();
        services.AddSingleton<MediaResponder>();
        services.AddSingleton(Options.Create(vin));
        services.AddSingleton(new VinDecoder(vpic));
        return services;
    }

    internal static T Bind<T>(IConfiguration configuration, string section)
        where T : new()
    {
        var options = new T();
        configuration.GetSection(section).Bind(options);
        return options;
    }
}
