using Microsoft.AspNetCore.Http;

namespace VehicleImages.Api.AutoDev;

/// <summary>auto.dev's error envelope: <c>{status, error, code, path, requestId}</c>, the request ID repeating the x-request-id header.</summary>
internal static class AutoDevErrors
{
    public static IResult NotFound(HttpContext context, string message) => Error(context, StatusCodes.Status404NotFound, message, "RESOURCE_NOT_FOUND");

    public static IResult Unauthorized(HttpContext context) =>
        Error(context, StatusCodes.Status401Unauthorized, "Missing API key: send it as 'Authorization: Bearer KEY', 'X-API-Key: KEY' or '?apiKey=KEY'.", "UNAUTHORIZED");

    public static IResult Forbidden(HttpContext context, string message) => Error(context, StatusCodes.Status403Forbidden, message, "FORBIDDEN");

    public static IResult BadRequest(HttpContext context, string message) => Error(context, StatusCodes.Status400BadRequest, message, "BAD_REQUEST");

    public static IResult Unavailable(HttpContext context, string message) => Error(context, StatusCodes.Status503ServiceUnavailable, message, "SERVICE_UNAVAILABLE");

    private static IResult Error(HttpContext context, int status, string message, string code) =>
        Results.Json(new Envelope(status, message, code, context.Request.Path.Value ?? "", context.TraceIdentifier), statusCode: status);

    private sealed record Envelope(int Status, string Error, string Code, string Path, string RequestId);
}
