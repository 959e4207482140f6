namespace VehicleImages.Domain.Keys;

/// <summary>What a key may do: how fast (a token bucket: a steady rate and a burst), how much a month, and which families.</summary>
/// <param name="Name">The name keys refer to.</param>
/// <param name="RequestsPerSecond">The steady rate.</param>
/// <param name="Burst">Requests allowed at once after a quiet spell; the bucket's size.</param>
/// <param name="MonthlyQuota">Chargeable requests per calendar month (UTC); 0 for no quota.</param>
/// <param name="Families">The families the plan includes.</param>
public sealed record Plan(string Name, double RequestsPerSecond, int Burst, long MonthlyQuota, IReadOnlySet<ApiFamily> Families)
{
    public bool HasQuota => MonthlyQuota > 0;
}
