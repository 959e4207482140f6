using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using VehicleImages.Api.Access;
using VehicleImages.Api.Http;
using VehicleImages.Application.Admin;

namespace VehicleImages.Api.Admin;

/// <summary>What every /v1/admin endpoint shares: the group behind admin access, the actor, JSON bodies, refusals.</summary>
internal static class AdminApi
{
    public const string Prefix = "/v1/admin";

    /// <summary>
    /// The /v1/admin group, behind an admin key or session, refused with problem details; failures (storage down)
    /// are answered as problem details too, checked before access so key and session store outages are answered.
    /// </summary>
    public static RouteGroupBuilder Group(IEndpointRouteBuilder routes) =>
        routes.MapGroup(Prefix).WithTags("Admin")
            .AnswerFailuresIn("admin", Problems.Failure)
            .RequireAdmin(Refuse);

    /// <summary>The admin key behind the request: set by the admin access filter before any handler runs.</summary>
    public static AdminActor Actor(HttpContext context) => context.Features.GetRequiredFeature<AdminActor>();

    public static IResult Refuse(HttpContext context, int status, string detail) => status switch
    {
        StatusCodes.Status401Unauthorized => Problems.Unauthorized(detail),
        StatusCodes.Status403Forbidden => Problems.Forbidden(detail),
        _ => Problems.TooManyRequests(detail),
    };

    /// <summary>
    /// The JSON body, or null when it is not JSON of that shape. Read in the handler, after access is checked, so a
    /// caller without access learns nothing from how a body is parsed.
    /// </summary>
    public static async Task<T?> ReadJsonAsync<T>(HttpContext context, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            return context.Request.HasJsonContentType() ? await context.Request.ReadFromJsonAsync<T>(cancellationToken) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
