using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using VehicleImages.Api.Http;
using VehicleImages.Application.Access;
using VehicleImages.Application.Admin;

namespace VehicleImages.Api.Access;

/// <summary>
/// Admits a request to the admin surface (pages and /v1/admin) by one of two credentials: an admin key in a header
/// (scripts; admitted, limited and metered like every keyed request) or the admin UI's session cookie (browsers).
/// A session request that changes anything must also prove it comes from our own pages: same origin, and the
/// session's anti-forgery token in <c>X-CSRF-Token</c>, which another site can neither read nor guess.
/// </summary>
internal sealed class AdminAccessFilter(AccessFilter keys, AdminSessions sessions, AdminRefusal refuse)
{
    public const string CsrfHeader = "X-CSRF-Token";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var http = invocation.HttpContext;

        // A request that presents a key is judged by the key, so a script never depends on a browser's cookie.
        if (PresentedKeys.Headers(http.Request).IsNone && SessionCookie.Read(http.Request) is { Length: > 0 } token)
        {
            var session = await sessions.ResolveAsync(token, http.RequestAborted);
            if (session is null)
            {
                SessionCookie.Clear(http.Response);
                return refuse(http, StatusCodes.Status401Unauthorized, "The admin session has ended or expired; sign in again.");
            }

            if (ChangesState(http.Request) && !(SameOrigin(http.Request) && AdminSessions.CsrfMatches(token, http.Request.Headers[CsrfHeader])))
            {
                return refuse(http, StatusCodes.Status403Forbidden, $"A change made with a session must come from the admin pages, with the session's {CsrfHeader} header.");
            }

            http.Features.Set(AdminActor.Of(session.Key));
            http.Features.Set(session);
            return await next(invocation);
        }

        return await keys.InvokeAsync(invocation, admitted =>
        {
            http.Features.Set(AdminActor.Of(http.Features.Get<Admission>()!.Key!));
            return next(admitted);
        });
    }

    /// <summary>The refusal of an admin key in the admin surface's words.</summary>
    public static IResult Refuse(AdminRefusal refuse, HttpContext context, Admission refusal) => refusal.Refusal switch
    {
        RefusalReason.MissingKey => refuse(context, StatusCodes.Status401Unauthorized, "Sign in at /admin/login, or send an admin key in 'Authorization: Bearer KEY' or 'X-API-Key: KEY'."),
        RefusalReason.ConflictingKeys => refuse(context, StatusCodes.Status401Unauthorized, refusal.Message),
        RefusalReason.InvalidKey or RefusalReason.RevokedKey or RefusalReason.NotEnabled => refuse(context, StatusCodes.Status403Forbidden, refusal.Message),
        _ => refuse(context, StatusCodes.Status429TooManyRequests, refusal.Message),
    };

    private static bool ChangesState(HttpRequest request) =>
        !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method));

    // Browsers send Origin on every cross-origin request and on same-origin ones that change state, and
    // Sec-Fetch-Site everywhere they can; either naming another site is refused outright.
    private static bool SameOrigin(HttpRequest request)
    {
        if (request.Headers["Sec-Fetch-Site"].ToString() is { Length: > 0 } site && site != "same-origin")
        {
            return false;
        }

        var origin = request.Headers[HeaderNames.Origin].ToString();
        return origin.Length == 0 || string.Equals(origin, $"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase);
    }
}
