using Microsoft.AspNetCore.Http;

namespace VehicleImages.Api.Access;

/// <summary>
/// The admin UI's session cookie: HttpOnly (page scripts cannot read it, so an injected script cannot steal it),
/// SameSite=Strict (other sites' pages never send it), Secure over HTTPS. It holds a session token, never the key.
/// </summary>
internal static class SessionCookie
{
    public const string Name = "vi_admin_session";

    public static string? Read(HttpRequest request) => request.Cookies[Name];

    public static void Write(HttpResponse response, string token, DateTimeOffset expires) => response.Cookies.Append(Name, token, Options(response, expires));

    public static void Clear(HttpResponse response) => response.Cookies.Delete(Name, Options(response, null));

    private static CookieOptions Options(HttpResponse response, DateTimeOffset? expires) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Secure = response.HttpContext.Request.IsHttps,
        Path = "/",
        Expires = expires,
        IsEssential = true,
    };
}
