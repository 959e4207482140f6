using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using VehicleImages.Application.Access;

namespace VehicleImages.Api.OneAuto;

/// <summary>
/// OneAuto's answers: <c>{"success":true,"result":…}</c> with 200 (chargeable) or 206 (less than asked, with a
/// warning saying what was substituted), 204 with no body when there is nothing to return, and
/// <c>{"success":false,"error":…}</c> for 400, 403, 429, 500 and 503.
/// </summary>
internal static class OneAutoResults
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static IResult Ok(object result) => Results.Json(new SuccessBody(true, result, null), Json, statusCode: StatusCodes.Status200OK);

    public static IResult Partial(object result, string warning) => Results.Json(new SuccessBody(true, result, warning), Json, statusCode: StatusCodes.Status206PartialContent);

    public static IResult NoContent() => Results.StatusCode(StatusCodes.Status204NoContent);

    public static IResult BadRequest(string error) => Error(StatusCodes.Status400BadRequest, error);

    /// <summary>403 for a key missing, unknown, revoked, without the service or differing between headers; 429 for rate or quota.</summary>
    public static IResult Refuse(HttpContext context, Admission refusal) => refusal.Refusal switch
    {
        RefusalReason.MissingKey => Error(StatusCodes.Status403Forbidden, "Missing API key: send it in the x-api-key header"),
        RefusalReason.ConflictingKeys => Error(StatusCodes.Status403Forbidden, refusal.Message),
        RefusalReason.InvalidKey => Error(StatusCodes.Status403Forbidden, "Invalid API key"),
        RefusalReason.RevokedKey => Error(StatusCodes.Status403Forbidden, "API key has been revoked"),
        RefusalReason.NotEnabled => Error(StatusCodes.Status403Forbidden, $"Service not enabled: {refusal.Message}"),
        RefusalReason.QuotaExceeded => Error(StatusCodes.Status429TooManyRequests, $"Quota exceeded: {refusal.Message}"),
        _ => Error(StatusCodes.Status429TooManyRequests, $"Rate limit exceeded: {refusal.Message}"),
    };

    /// <summary>500 or 503, as the failure was.</summary>
    public static IResult Failure(HttpContext context, int status, string error) => Error(status, error);

    public static IResult Error(int status, string error) => Results.Json(new FailureBody(false, error), Json, statusCode: status);

    private sealed record SuccessBody(bool Success, object Result, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Warning);

    private sealed record FailureBody(bool Success, string Error);
}
