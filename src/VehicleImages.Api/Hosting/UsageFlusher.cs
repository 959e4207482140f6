using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using VehicleImages.Application.Access;

namespace VehicleImages.Api.Hosting;

/// <summary>
/// Writes the usage counts every flush interval, and once more on shutdown, so a clean stop loses nothing and a
/// hard crash loses at most one interval.
/// </summary>
internal sealed class UsageFlusher(UsageMeter meter, AccessOptions options, ILogger<UsageFlusher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.UsageFlushInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await FlushAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the last flush is StopAsync's.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await FlushAsync(CancellationToken.None);
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        try
        {
            await meter.FlushAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The counts are kept and go out with the next flush.
            logger.UsageFlushFailed(e);
        }
    }
}
