using VehicleImages.Domain.Keys;

namespace VehicleImages.Domain.Usage;

/// <summary>Requests of one key, on one day (UTC), to one endpoint, chargeable or not, and how many.</summary>
public sealed record UsageCount(Guid KeyId, DateOnly Day, string Endpoint, bool Chargeable, long Count);

/// <summary>Which answers a family charges for, as each vendor defines it.</summary>
public static class Chargeable
{
    /// <summary>
    /// OneAuto charges only 200 (206 and every other status are free); the others charge every success, so that
    /// validation failures, refusals and errors cost nothing.
    /// </summary>
    public static bool Is(ApiFamily family, int status) => family == ApiFamily.OneAuto ? status == 200 : status is >= 200 and < 300;
}
