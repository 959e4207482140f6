using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;
using VehicleImages.Application.Access;

namespace VehicleImages.Api.Hosting;

/// <summary>
/// Re-reads the plans whenever the configuration reloads (appsettings.json saved), so a plan edited while the
/// service runs applies to the next request. A broken edit is logged and the plans in force are kept.
/// </summary>
internal sealed class PlanReloading(IConfiguration configuration, PlanBook plans, ILogger<PlanReloading> logger) : IHostedService, IDisposable
{
    private IDisposable? _subscription;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = ChangeToken.OnChange(configuration.GetReloadToken, Reload);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => _subscription?.Dispose();

    private void Reload()
    {
        try
        {
            plans.Update(LibraryServices.Bind<AccessOptions>(configuration, AccessOptions.Section));
            logger.PlansReloaded(plans.All.Count);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException)
        {
            logger.PlansRejected(e.Message);
        }
    }
}
