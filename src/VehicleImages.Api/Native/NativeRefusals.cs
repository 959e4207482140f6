using Microsoft.AspNetCore.Http;
using VehicleImages.Api.Http;
using VehicleImages.Application.Access;

namespace VehicleImages.Api.Native;

/// <summary>The native API's refusals, as RFC 9457 problem details: 401, 403 or 429.</summary>
internal static class NativeRefusals
{
    public static IResult Refuse(HttpContext context, Admission refusal) => refusal.Refusal switch
    {
        RefusalReason.MissingKey => Problems.Unauthorized("An API key is required: 'Authorization: Bearer KEY', 'X-API-Key: KEY' or '?key=KEY'."),
        RefusalReason.ConflictingKeys => Problems.Unauthorized(refusal.Message),
        RefusalReason.InvalidKey or RefusalReason.RevokedKey or RefusalReason.NotEnabled => Problems.Forbidden(refusal.Message),
        _ => Problems.TooManyRequests(refusal.Message),
    };
}
