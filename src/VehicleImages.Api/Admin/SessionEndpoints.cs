using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;
using VehicleImages.Api.Access;
using VehicleImages.Api.Http;
using VehicleImages.Application.Access;
using VehicleImages.Application.Admin;
using VehicleImages.Application.Audit;

namespace VehicleImages.Api.Admin;

/// <summary>What signing in takes: an admin key, in the body (never in a URL).</summary>
public sealed record SignInRequest(string? Key);

/// <summary>
/// Who is signed in, until when, and the anti-forgery token the pages send with every change (null for a request
/// made with a key rather than a session: it needs none).
/// </summary>
public sealed record SessionAnswer(KeyAnswer Key, DateTimeOffset? ExpiresAt, string? CsrfToken);

/// <summary>
/// The admin UI's sign-in: <c>POST /v1/admin/session</c> checks an admin key and answers with an HttpOnly session
/// cookie; <c>GET</c> says who is signed in; <c>DELETE</c> signs out, ending the session on the server.
/// </summary>
public static class SessionEndpoints
{
    public static IEndpointRouteBuilder MapAdminSession(this IEndpointRouteBuilder routes)
    {
        // Signing in is the one admin endpoint open without credentials: it is where they are presented.
        routes.MapPost($"{AdminApi.Prefix}/session", SignInAsync)
            .WithTags("Admin")
            .WithSummary("Sign in to the admin UI with an admin key: {\"key\":\"vik_…\"}. Sets an HttpOnly session cookie.")
            .Produces<SessionAnswer>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        var admin = AdminApi.Group(routes);
        admin.MapGet("/session", Show).WithSummary("Who is signed in, and the session's anti-forgery token for X-CSRF-Token.").Produces<SessionAnswer>();
        admin.MapDelete("/session", SignOutAsync).WithSummary("Sign out: the session ends on the server and its cookie is cleared.").Produces(StatusCodes.Status204NoContent);
        return routes;
    }

    private static async Task<IResult> SignInAsync(HttpContext context, AdminSessions sessions, AuditTrail audit, CancellationToken cancellationToken)
    {
        // JSON only, and from our own origin: a form on another site can send neither, so it cannot sign a browser
        // in to a session of its choosing.
        var origin = context.Request.Headers[HeaderNames.Origin].ToString();
        if (origin.Length > 0 && !string.Equals(origin, $"{context.Request.Scheme}://{context.Request.Host}", StringComparison.OrdinalIgnoreCase))
        {
            return Problems.Forbidden("Sign in from the admin pages of this server.");
        }

        if (await AdminApi.ReadJsonAsync<SignInRequest>(context, cancellationToken) is not { } request)
        {
            return Problems.BadRequest("The body must be JSON: {\"key\":\"vik_…\"}.");
        }

        var clientAddress = ClientAddresses.ClientOf(context.Connection.RemoteIpAddress);
        var (opened, admission) = await sessions.SignInAsync(request.Key?.Trim(), clientAddress, cancellationToken);
        if (opened is null)
        {
            AccessHeaders.Refused(context.Response, admission);
            return AdminAccessFilter.Refuse(AdminApi.Refuse, context, admission);
        }

        await audit.RecordAsync(AdminActor.Of(opened.Key), "session.start", KeyAdminEndpoints.Subject(opened.Key.Id), null, new { opened.Session.ExpiresAt }, cancellationToken);
        SessionCookie.Write(context.Response, opened.Token, opened.Session.ExpiresAt);
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(new SessionAnswer(KeyAnswer.Of(opened.Key), opened.Session.ExpiresAt, opened.CsrfToken));
    }

    private static Ok<SessionAnswer> Show(HttpContext context)
    {
        var session = context.Features.Get<ActiveSession>();
        var key = session?.Key ?? context.Features.GetRequiredFeature<Admission>().Key!;
        return TypedResults.Ok(new SessionAnswer(KeyAnswer.Of(key), session?.Session.ExpiresAt, session?.CsrfToken));
    }

    private static async Task<IResult> SignOutAsync(HttpContext context, AdminSessions sessions, AuditTrail audit, CancellationToken cancellationToken)
    {
        if (context.Features.Get<ActiveSession>() is { } session && await sessions.SignOutAsync(SessionCookie.Read(context.Request)!, cancellationToken))
        {
            await audit.RecordAsync(AdminApi.Actor(context), "session.end", KeyAdminEndpoints.Subject(session.Key.Id), null, null, cancellationToken);
        }

        SessionCookie.Clear(context.Response);
        return TypedResults.NoContent();
    }
}
