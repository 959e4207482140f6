using Microsoft.AspNetCore.Http;
using VehicleImages.Application.Access;

namespace VehicleImages.Api.CarsXe;

/// <summary>
/// CarsXE's refusals and failures: 401 for a missing key (or different keys at once), 403 for a key that is unknown, revoked or not enabled for the API,
/// 429 with <c>usage: {current, limit, remaining}</c> (the monthly quota) when too fast or out of quota.
/// </summary>
internal static class CarsXeRefusals
{
    public static IResult Refuse(HttpContext context, Admission refusal)
    {
        var query = context.Request.Query;
        var (status, message) = refusal.Refusal switch
        {
            RefusalReason.MissingKey => (StatusCodes.Status401Unauthorized, "Missing API key"),
            RefusalReason.ConflictingKeys => (StatusCodes.Status401Unauthorized, refusal.Message),
            RefusalReason.InvalidKey => (StatusCodes.Status403Forbidden, "Invalid API key"),
            RefusalReason.RevokedKey => (StatusCodes.Status403Forbidden, "API key has been revoked"),
            RefusalReason.NotEnabled => (StatusCodes.Status403Forbidden, refusal.Message),
            RefusalReason.QuotaExceeded => (StatusCodes.Status429TooManyRequests, "Monthly API quota exceeded"),
            _ => (StatusCodes.Status429TooManyRequests, refusal.Message),
        };
        var usage = status == StatusCodes.Status429TooManyRequests && refusal.Quota is { } quota ? new CarsXeUsage(quota.Current, quota.Limit, quota.Remaining) : null;
        return CarsXeEndpoints.Error(status, message, CarsXeRequests.Echo(query), CarsXeRequests.WantsXml(query), usage);
    }

    public static IResult Failure(HttpContext context, int status, string message) =>
        CarsXeEndpoints.Error(status, message, CarsXeRequests.Echo(context.Request.Query), CarsXeRequests.WantsXml(context.Request.Query));
}
