using Microsoft.AspNetCore.Http;
using VehicleImages.Application.Access;

namespace VehicleImages.Api.AutoDev;

/// <summary>auto.dev's error envelope: <c>{status, error, code, path, requestId}</c>, the request ID repeating the x-request-id header.</summary>
internal static class AutoDevErrors
{
    private const string Unauthorized = "UNAUTHORIZED";

    public static IResult NotFound(HttpContext context, string message) => Error(context, StatusCodes.Status404NotFound, message, "RESOURCE_NOT_FOUND");

    /// <summary>
    /// As the vendor's SDK reads statuses: 401 (UNAUTHORIZED, "check your key") for a key missing, unknown or
    /// presented twice differently; 403 for a key revoked, or whose plan lacks the API (PLAN_REQUIRED, "upgrade your
    /// plan"); 429 (RATE_LIMITED) when too fast or guessing keys, or out of quota.
    /// </summary>
    public static IResult Refuse(HttpContext context, Admission refusal) => refusal.Refusal switch
    {
        RefusalReason.MissingKey =>
            Error(context, StatusCodes.Status401Unauthorized, "Missing API key: send it as 'Authorization: Bearer KEY', 'X-API-Key: KEY' or '?apiKey=KEY'.", Unauthorized),
        RefusalReason.ConflictingKeys => Error(context, StatusCodes.Status401Unauthorized, refusal.Message, Unauthorized),
        RefusalReason.InvalidKey => Error(context, StatusCodes.Status401Unauthorized, "Invalid API key.", Unauthorized),
        RefusalReason.RevokedKey => Error(context, StatusCodes.Status403Forbidden, "This API key has been revoked.", "API_KEY_REVOKED"),
        RefusalReason.NotEnabled => Error(context, StatusCodes.Status403Forbidden, refusal.Message, "PLAN_REQUIRED"),
        RefusalReason.QuotaExceeded => Error(context, StatusCodes.Status429TooManyRequests, refusal.Message, "QUOTA_EXCEEDED"),
        _ => Error(context, StatusCodes.Status429TooManyRequests, refusal.Message, "RATE_LIMITED"),
    };

    public static IResult Forbidden(HttpContext context, string message) => Error(context, StatusCodes.Status403Forbidden, message, "FORBIDDEN");

    public static IResult BadRequest(HttpContext context, string message) => Error(context, StatusCodes.Status400BadRequest, message, "BAD_REQUEST");

    /// <summary>Any failure in the envelope, with the code its status has (a 500 or 503, or a request no endpoint answered).</summary>
    public static IResult Failure(HttpContext context, int status, string message) => Error(context, status, message, status switch
    {
        StatusCodes.Status400BadRequest => "BAD_REQUEST",
        StatusCodes.Status404NotFound => "RESOURCE_NOT_FOUND",
        StatusCodes.Status405MethodNotAllowed => "METHOD_NOT_ALLOWED",
        StatusCodes.Status413PayloadTooLarge => "PAYLOAD_TOO_LARGE",
        StatusCodes.Status429TooManyRequests => "RATE_LIMITED",
        StatusCodes.Status503ServiceUnavailable => "SERVICE_UNAVAILABLE",
        >= 500 => "INTERNAL_ERROR",
        _ => "BAD_REQUEST",
    });

    private static IResult Error(HttpContext context, int status, string message, string code) =>
        Results.Json(new Envelope(status, message, code, context.Request.Path.Value ?? "", context.TraceIdentifier), statusCode: status);

    private sealed record Envelope(int Status, string Error, string Code, string Path, string RequestId);
}
