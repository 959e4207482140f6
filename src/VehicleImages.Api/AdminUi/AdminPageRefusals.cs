using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Http;

namespace VehicleImages.Api.AdminUi;

/// <summary>
/// How an admin page says no to a browser: 401 sends it on to the sign-in page (coming back here after), 403 and 429
/// explain. Always with the status code, so scripts and tests see the refusal too.
/// </summary>
internal static class AdminPageRefusals
{
    public static IResult Refuse(HttpContext context, int status, string detail)
    {
        var back = context.Request.Path + context.Request.QueryString;
        var login = $"{AdminUiEndpoints.LoginPath}?next={Uri.EscapeDataString(back)}";
        var (title, body, refresh) = status switch
        {
            StatusCodes.Status401Unauthorized => ("Sign in required", $"<p>{Html(detail)}</p><p><a data-sign-in href=\"{Html(login)}\">Sign in with an admin key</a></p>", login),
            StatusCodes.Status403Forbidden => ("Not allowed", $"<p>{Html(detail)}</p><p><a href=\"{Html(login)}\">Sign in with an admin key</a></p>", null),
            _ => ("Too many requests", $"<p>{Html(detail)}</p>", null),
        };
        var meta = refresh is null ? "" : $"<meta http-equiv=\"refresh\" content=\"0; url={Html(refresh)}\"><script type=\"module\" src=\"/admin/assets/refused.js\"></script>";
        var html = $"""
            <!doctype html>
            <html lang="en">
            <head><meta charset="utf-8"><title>{title} · Vehicle Images admin</title>{meta}<link rel="stylesheet" href="/admin/assets/admin.css"></head>
            <body><main id="main" class="narrow"><h1>{title}</h1>{body}</main></body>
            </html>
            """;
        AdminUiHeaders.Apply(context.Response);
        return Results.Content(html, "text/html; charset=utf-8", statusCode: status);
    }

    private static string Html(string text) => HtmlEncoder.Default.Encode(text);
}
