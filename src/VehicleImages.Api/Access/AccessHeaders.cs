using System.Globalization;
using Microsoft.AspNetCore.Http;
using VehicleImages.Application.Access;

namespace VehicleImages.Api.Access;

/// <summary>
/// The headers that tell a client where it stands: <c>X-RateLimit-Limit</c> (the plan's burst) and
/// <c>X-RateLimit-Remaining</c> on every admitted answer, <c>X-Quota-Limit</c> and <c>X-Quota-Remaining</c> when
/// the plan has a monthly quota, and <c>Retry-After</c> (whole seconds) on every refusal that time will lift.
/// </summary>
internal static class AccessHeaders
{
    public static void Admitted(HttpResponse response, Admission admission, bool chargeable)
    {
        var headers = response.Headers;
        headers["X-RateLimit-Limit"] = Number(admission.Plan!.Burst);
        headers["X-RateLimit-Remaining"] = Number(admission.RateRemaining);
        if (admission.Quota is { Limit: { } limit, Remaining: { } remaining })
        {
            headers["X-Quota-Limit"] = Number(limit);
            headers["X-Quota-Remaining"] = Number(Math.Max(0, remaining - (chargeable ? 1 : 0)));
        }
    }

    public static void Refused(HttpResponse response, Admission refusal)
    {
        if (refusal.RetryAfter is not { } wait)
        {
            return;
        }

        // Rounded up: a client that waits exactly this long finds the way open.
        response.Headers.RetryAfter = Number((long)Math.Max(1, Math.Ceiling(wait.TotalSeconds)));
        if (refusal.Refusal == RefusalReason.RateLimited && refusal.Plan is { } plan)
        {
            response.Headers["X-RateLimit-Limit"] = Number(plan.Burst);
            response.Headers["X-RateLimit-Remaining"] = "0";
        }

        if (refusal.Quota is { Limit: { } limit, Remaining: { } remaining })
        {
            response.Headers["X-Quota-Limit"] = Number(limit);
            response.Headers["X-Quota-Remaining"] = Number(remaining);
        }
    }

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
