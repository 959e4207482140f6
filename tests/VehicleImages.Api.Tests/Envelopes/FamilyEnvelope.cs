using System.Net;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using Microsoft.AspNetCore.WebUtilities;

namespace VehicleImages.Api.Tests.Envelopes;

/// <summary>
/// Checks that an error answer is in the envelope of the family its path belongs to, as the wire formats document
/// them: CarsXE's <c>{query, images, success:false, error}</c> (or its XML), auto.dev's
/// <c>{status, error, code, path, requestId}</c>, OneAuto's <c>{success:false, error}</c>, and problem details for
/// everything else (the native API, the media links, the admin API).
/// </summary>
internal static class FamilyEnvelope
{
    /// <summary>The statuses Kestrel may answer itself, before any middleware, with an empty body (documented in docs/API.md).</summary>
    private static readonly HashSet<HttpStatusCode> KestrelRefusals =
        [HttpStatusCode.BadRequest, HttpStatusCode.RequestUriTooLong, HttpStatusCode.RequestHeaderFieldsTooLarge, HttpStatusCode.RequestEntityTooLarge];

    /// <summary>Why the answer breaks its family's rules, or null when it keeps them (answers under 400 are not checked).</summary>
    public static string? Violation(HttpMethod method, Uri uri, HttpResponseMessage response, string body)
    {
        var status = response.StatusCode;
        if ((int)status >= 500)
        {
            return $"a {(int)status}";
        }

        if ((int)status < 400)
        {
            return null;
        }

        // Kestrel's own refusals come before the middleware that stamps every answer with its request ID.
        var requestId = response.Headers.TryGetValues("x-request-id", out var ids) ? ids.Single() : null;
        if (requestId is null)
        {
            return KestrelRefusals.Contains(status) && body.Length == 0 ? null : $"a {(int)status} without x-request-id that is not one of Kestrel's refusals";
        }

        if (method == HttpMethod.Head)
        {
            return null;
        }

        var path = uri.AbsolutePath;
        try
        {
            return Under(path, "/images") ? CarsXe(uri, body)
                : Under(path, "/photos") ? AutoDev(status, body, requestId)
                : Under(path, "/vehicleimagery") ? OneAuto(body)
                : Under(path, "/admin") && response.Content.Headers.ContentType?.MediaType == "text/html" ? AdminPage(body)
                : Problem(status, response, body);
        }
        catch (Exception e) when (e is JsonException or XmlException or InvalidOperationException or KeyNotFoundException)
        {
            return $"a {(int)status} whose body is not its envelope ({e.Message}): {Shorten(body)}";
        }
    }

    private static bool Under(string path, string prefix) =>
        path.Equals(prefix, StringComparison.OrdinalIgnoreCase) || path.StartsWith(prefix + "/", StringComparison.OrdinalIgnoreCase);

    private static string? CarsXe(Uri uri, string body)
    {
        if (QueryHelpers.ParseQuery(uri.Query).TryGetValue("format", out var format) && format.ToString() == "xml")
        {
            var response = XDocument.Parse(body).Root!;
            return response.Name == "response" && response.Element("success")?.Value == "false" && !string.IsNullOrEmpty(response.Element("error")?.Value) &&
                response.Element("images") is not null && response.Element("query") is not null
                ? null
                : $"not CarsXE's XML error envelope: {Shorten(body)}";
        }

        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        return !root.GetProperty("success").GetBoolean() && !string.IsNullOrEmpty(root.GetProperty("error").GetString()) &&
            root.GetProperty("images").ValueKind == JsonValueKind.Array && root.GetProperty("query").ValueKind == JsonValueKind.Object
            ? null
            : $"not CarsXE's error envelope: {Shorten(body)}";
    }

    private static string? AutoDev(HttpStatusCode status, string body, string requestId)
    {
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        return root.GetProperty("status").GetInt32() == (int)status && !string.IsNullOrEmpty(root.GetProperty("error").GetString()) &&
            !string.IsNullOrEmpty(root.GetProperty("code").GetString()) && root.GetProperty("path").ValueKind == JsonValueKind.String &&
            root.GetProperty("requestId").GetString() == requestId
            ? null
            : $"not auto.dev's error envelope: {Shorten(body)}";
    }

    private static string? OneAuto(string body)
    {
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        return !root.GetProperty("success").GetBoolean() && !string.IsNullOrEmpty(root.GetProperty("error").GetString())
            ? null
            : $"not OneAuto's error envelope: {Shorten(body)}";
    }

    private static string? AdminPage(string body) =>
        body.StartsWith("<!doctype html>", StringComparison.OrdinalIgnoreCase) ? null : $"not an admin page: {Shorten(body)}";

    private static string? Problem(HttpStatusCode status, HttpResponseMessage response, string body)
    {
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return $"a {(int)status} that is not problem details ({response.Content.Headers.ContentType}): {Shorten(body)}";
        }

        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        return root.GetProperty("status").GetInt32() == (int)status && !string.IsNullOrEmpty(root.GetProperty("title").GetString())
            ? null
            : $"not problem details: {Shorten(body)}";
    }

    private static string Shorten(string body) => body.Length <= 200 ? body : body[..200] + "…";
}
