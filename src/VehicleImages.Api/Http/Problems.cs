using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace VehicleImages.Api.Http;

/// <summary>RFC 9457 problem details: the native API's error envelope, also used by the media links.</summary>
internal static class Problems
{
    public static IResult NotFound(string detail) => Problem(StatusCodes.Status404NotFound, "Not found", detail);

    public static IResult Unauthorized(string detail) => Problem(StatusCodes.Status401Unauthorized, "Unauthorized", detail);

    public static IResult Forbidden(string detail) => Problem(StatusCodes.Status403Forbidden, "Forbidden", detail);

    public static IResult TooManyRequests(string detail) => Problem(StatusCodes.Status429TooManyRequests, "Too many requests", detail);

    public static IResult Unavailable(string detail) => Problem(StatusCodes.Status503ServiceUnavailable, "Service unavailable", detail);

    /// <summary>Any failure, titled by its status: the native API's and the media links' failure envelope.</summary>
    public static IResult Failure(HttpContext context, int status, string detail) => Problem(status, status switch
    {
        StatusCodes.Status503ServiceUnavailable => "Service unavailable",
        StatusCodes.Status500InternalServerError => "Internal error",
        _ => ReasonPhrases.GetReasonPhrase(status),
    }, detail);

    public static IResult Conflict(string detail) => Problem(StatusCodes.Status409Conflict, "Conflict", detail);

    public static IResult PayloadTooLarge(string detail) => Problem(StatusCodes.Status413PayloadTooLarge, "Payload too large", detail);

    public static IResult BadRequest(string detail) => Problem(StatusCodes.Status400BadRequest, "Bad request", detail);

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title);
}
