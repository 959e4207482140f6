using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VehicleImages.Api.Media;
using VehicleImages.Application.Access;
using VehicleImages.Application.Answers;
using VehicleImages.Application.Admin;
using VehicleImages.Application.Audit;
using VehicleImages.Application.Curation;
using VehicleImages.Application.Demo;
using VehicleImages.Application.Ingest;
using VehicleImages.Application.Ingest.Fetching;
using VehicleImages.Application.Ingest.Jobs;
using VehicleImages.Application.Keys;
using VehicleImages.Application.Media;
using VehicleImages.Application.Renditions;
using VehicleImages.Application.Vins;
using VehicleImages.Application.Vision;
using VehicleImages.Imaging;
using VehicleImages.Storage;
using VehicleImages.Storage.Blobs;
using VehicleImages.Storage.Catalog;
using VehicleImages.Storage.Curation;
using VehicleImages.Storage.Vpic;
using VehicleImages.Vision;
using VehicleImages.Vision.Heads;

namespace VehicleImages.Api.Hosting;

/// <summary>
/// The services every command shares, web or not: options from configuration, libvips, the catalog and its
/// curation, the audit log, the blob store, keys and admin sessions, and ingest. Backends are opened once, here, and validated at start-up.
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
        access.Validate();
        var admin = Bind<AdminOptions>(configuration, AdminOptions.Section);
        admin.Validate();
        var fetch = Bind<FetchOptions>(configuration, FetchOptions.Section);
        var answers = Bind<AnswerCacheOptions>(configuration, AnswerCacheOptions.Section);
        answers.Validate();
        var vision = Bind<VisionOptions>(configuration, VisionOptions.Section);
        vision.HeadsPath ??= VisionHeadsFile.InDataDirectory(storage.DataDirectory);
        var plans = new PlanBook(access);

        // Fails loudly, with the fix, before anything listens: libvips missing or too old, catalog unreadable.
        var processor = new ImageProcessor(imaging);
        var catalog = await StorageFactory.OpenCatalogAsync(storage, cancellationToken);
        var curation = await StorageFactory.OpenCurationAsync(storage, cancellationToken);
        var auditLog = await StorageFactory.OpenAuditLogAsync(storage, cancellationToken);
        var sessions = await StorageFactory.OpenAdminSessionsAsync(storage, cancellationToken);
        var blobs = StorageFactory.OpenBlobStore(storage);
        var keys = await StorageFactory.OpenKeysAsync(storage, cancellationToken);
        var usage = await StorageFactory.OpenUsageAsync(storage, cancellationToken);
        var signer = new LinkSigner(SigningKeys.Load(media, storage.DataDirectory), media.LongestLinkLife, media.PermanentLinkGracePeriod);
        var vpic = await VpicDecoder.OpenAsync(Path.Combine(vin.VpicDirectoryFor(storage.DataDirectory), VpicSetup.DatabaseFileName), cancellationToken);

        services.AddSingleton(Options.Create(imaging));
        services.AddSingleton(Options.Create(storage));
        services.AddSingleton(processor);

        // Every write through these two stores advances the catalog's generation, whoever the writer is.
        var changes = new CatalogChanges();
        services.AddSingleton(changes);
        services.AddSingleton<ICatalog>(new ChangeSignallingCatalog(catalog, changes));
        services.AddSingleton<ICatalogCuration>(new ChangeSignallingCuration(curation, changes));
        services.AddSingleton(provider => new AnswerCache(answers, changes, provider.GetRequiredService<TimeProvider>(), catalog as ICatalogVersion));
        services.AddSingleton(blobs);
        services.AddSingleton(Options.Create(media));
        services.AddSingleton(media);
        services.AddSingleton(keys);
        services.AddSingleton(signer);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(new FetchAddressPolicy(fetch.AllowedHosts));
        services.AddSingleton<IngestPipeline>();
        services.AddSingleton<KeyAuthenticator>();
        services.AddSingleton(access);
        services.AddSingleton(plans);
        services.AddSingleton(usage);
        services.AddSingleton<UsageMeter>();
        services.AddSingleton<RateLimiter>();
        services.AddSingleton<FailedAttempts>();
        services.AddSingleton<AnonymousLimiter>();
        services.AddSingleton<KeyAccess>();
        services.AddSingleton<KeyManager>();
        services.AddSingleton<UsageReports>();
        services.AddSingleton<MediaLinks>();
        services.AddSingleton(_ => new RenderGate(
            media.MaxConcurrentRenders, media.MaxQueuedRenders, media.RenderMemoryMegabytes * 1024L * 1024, media.RenderMemoryWait,
            ImageProcessor.ReturnFreeNativeMemory));
        services.AddSingleton<RenditionService>();
        services.AddSingleton<ImageLinks>();
        services.AddSingleton<PresignedRenditionLinks>();
        services.AddSingleton<DemoSeeder>();
        services.AddSingleton<MediaImages>();
        services.AddSingleton<MediaResponder>();
        services.AddSingleton<RenditionMemory>();
        services.AddSingleton(Options.Create(vin));
        services.AddSingleton(new VinDecoder(vpic));
        services.AddSingleton(admin);
        services.AddSingleton(auditLog);
        services.AddSingleton(sessions);
        services.AddSingleton<AdminSessions>();
        services.AddSingleton<AuditTrail>();
        services.AddSingleton<LibraryCurator>();
        services.AddSingleton<IngestJobs>();
        services.AddSingleton(vision);
        if (vision.Enabled)
        {
            // Loaded on first use: commands that never see an image (keys, usage) do not pay for the model.
            services.AddSingleton<IImageVision>(_ => new ImageVision(vision));
            services.AddSingleton<VisionStage>();
            services.AddSingleton<VisionBackfill>();
        }

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
