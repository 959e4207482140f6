using VehicleImages.Domain.Usage;
using VehicleImages.Storage.Usage;

namespace VehicleImages.Application.Access;

/// <summary>One key's requests to one endpoint on one day, chargeable and not.</summary>
public sealed record UsageLine(DateOnly Day, Guid KeyId, string Endpoint, long Chargeable, long NotChargeable);

/// <summary>Usage over a span of days, line by line, with totals.</summary>
public sealed record UsageReport(DateOnly FirstDay, DateOnly LastDay, IReadOnlyList<UsageLine> Lines)
{
    public long Chargeable => Lines.Sum(l => l.Chargeable);

    public long NotChargeable => Lines.Sum(l => l.NotChargeable);
}

/// <summary>Reports usage from the store, after flushing what this process has counted, so the figures are current.</summary>
public sealed class UsageReports(IUsageStore store, UsageMeter meter, TimeProvider clock)
{
    /// <summary>The longest span one report covers, so one request cannot ask for years of rows.</summary>
    public const int MaxDays = 366;

    /// <summary>Usage of one key, or all, between two days inclusive (default: this month so far).</summary>
    public async Task<UsageReport> ReportAsync(Guid? keyId, DateOnly? firstDay, DateOnly? lastDay, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var last = lastDay ?? today;
        var first = firstDay ?? new DateOnly(last.Year, last.Month, 1);
        if (first > last || last.DayNumber - first.DayNumber >= MaxDays)
        {
            throw new ArgumentException($"The first day must not be after the last, and a report covers at most {MaxDays} days.");
        }

        await meter.FlushAsync(cancellationToken);
        var counts = await store.QueryAsync(keyId, first, last, cancellationToken);
        var lines = counts
            .GroupBy(c => (c.Day, c.KeyId, c.Endpoint))
            .Select(g => new UsageLine(g.Key.Day, g.Key.KeyId, g.Key.Endpoint, Sum(g, chargeable: true), Sum(g, chargeable: false)))
            .OrderBy(l => l.Day).ThenBy(l => l.KeyId).ThenBy(l => l.Endpoint, StringComparer.Ordinal)
            .ToList();
        return new UsageReport(first, last, lines);
    }

    private static long Sum(IEnumerable<UsageCount> counts, bool chargeable) => counts.Where(c => c.Chargeable == chargeable).Sum(c => c.Count);
}
