using VehicleImages.Domain.Usage;

namespace VehicleImages.Storage.Usage;

/// <summary>Usage counts by key, day, endpoint and chargeability. Counts only ever add up.</summary>
public interface IUsageStore
{
    /// <summary>Adds the counts (to existing rows for the same key, day, endpoint and chargeability) in one transaction.</summary>
    Task AddAsync(IReadOnlyCollection<UsageCount> counts, CancellationToken cancellationToken);

    /// <summary>Counts from the first day to the last inclusive, for one key or all.</summary>
    Task<IReadOnlyList<UsageCount>> QueryAsync(Guid? keyId, DateOnly firstDay, DateOnly lastDay, CancellationToken cancellationToken);

    /// <summary>Chargeable requests per key in the calendar month that contains <paramref name="day"/>, for one key or all.</summary>
    Task<IReadOnlyDictionary<Guid, long>> ChargeableInMonthAsync(Guid? keyId, DateOnly day, CancellationToken cancellationToken);
}
