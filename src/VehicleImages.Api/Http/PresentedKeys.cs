using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using VehicleImages.Application.Access;

namespace VehicleImages.Api.Http;

/// <summary>
/// Where clients put their API key, family by family. Every place a family reads is read, and every repeat in it:
/// an identical key sent twice (two headers, a header and the query, a parameter repeated) is that one key, and
/// different keys at once are a conflict, never glued into one string that would be looked up as a guess.
/// </summary>
internal static class PresentedKeys
{
    private const string BearerScheme = "Bearer ";

    /// <summary>CarsXE's way: <c>?key=KEY</c>.</summary>
    public static PresentedKey CarsXe(HttpRequest request) => PresentedKey.Among(request.Query["key"]);

    /// <summary>OneAuto's way: the <c>x-api-key</c> header.</summary>
    public static PresentedKey OneAuto(HttpRequest request) => PresentedKey.Among(FieldValues(request.Headers["x-api-key"]));

    /// <summary>auto.dev's ways: <c>Authorization: Bearer KEY</c>, <c>X-API-Key: KEY</c>, or <c>?apiKey=KEY</c>.</summary>
    public static PresentedKey AutoDev(HttpRequest request) => PresentedKey.Among(HeaderKeys(request).Concat(request.Query["apiKey"]));

    /// <summary>
    /// The admin API's ways, headers only: <c>Authorization: Bearer KEY</c> or <c>X-API-Key: KEY</c>. Never the URL,
    /// which ends up in access logs, proxies and browser history.
    /// </summary>
    public static PresentedKey Headers(HttpRequest request) => PresentedKey.Among(HeaderKeys(request));

    /// <summary>The native API takes any family's way, CarsXE's <c>?key=</c> included.</summary>
    public static PresentedKey Any(HttpRequest request) =>
        PresentedKey.Among(HeaderKeys(request).Concat(request.Query["apiKey"]).Concat(request.Query["key"]));

    private static IEnumerable<string?> HeaderKeys(HttpRequest request) =>
        FieldValues(request.Headers.Authorization)
            .Where(credentials => credentials.StartsWith(BearerScheme, StringComparison.OrdinalIgnoreCase))
            .Select(credentials => credentials[BearerScheme.Length..])
            .Concat(FieldValues(request.Headers["X-API-Key"]));

    // A header repeated may arrive as two field lines or, joined by a client or proxy as HTTP allows, as one line
    // with a comma between the values: both are split the same way. A key never holds a comma, nor does a bearer
    // token, so nothing that could be a key is cut.
    private static IEnumerable<string> FieldValues(StringValues lines) =>
        lines.SelectMany(line => (line ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
}
