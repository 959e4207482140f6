using System.Collections.Frozen;
using VehicleImages.Domain.Keys;

namespace VehicleImages.Application.Access;

/// <summary>The plans in force. Replaced whole when the configuration changes; readers never see half an update.</summary>
public sealed class PlanBook
{
    public const string DefaultPlan = "default";

    private FrozenDictionary<string, Plan> _plans = FrozenDictionary<string, Plan>.Empty;

    public PlanBook(AccessOptions options) => Update(options);

    public IReadOnlyCollection<Plan> All => _plans.Values;

    public Plan? Find(string name) => _plans.GetValueOrDefault(name);

    /// <summary>Takes the plans from new settings; throws, keeping the plans in force, when any is unusable.</summary>
    public void Update(AccessOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var plans = options.Plans.ToDictionary(p => p.Key, p => p.Value.ToPlan(p.Key), StringComparer.OrdinalIgnoreCase);
        plans.TryAdd(DefaultPlan, new PlanSettings().ToPlan(DefaultPlan));
        Volatile.Write(ref _plans, plans.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase));
    }
}
