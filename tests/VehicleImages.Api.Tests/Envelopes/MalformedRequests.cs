using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace VehicleImages.Api.Tests.Envelopes;

/// <summary>
/// Makes malformed requests to a server's routes, deterministically from a seed: route parameters, query parameters,
/// methods, keys, headers and bodies drawn from values a real client would send mixed with broken ones (empty,
/// huge, non-numbers where numbers go, control characters, invalid UTF-8 and percent escapes, repeated parameters,
/// duplicated or forged keys), plus paths no route has under every prefix.
/// </summary>
internal sealed partial class MalformedRequests(int seed, IReadOnlyList<MalformedRequests.Route> routes, MalformedRequests.Known known)
{
    /// <summary>A route pattern and the methods it answers.</summary>
    public sealed record Route(string Pattern, IReadOnlyList<string> Methods);

    /// <summary>What the server really holds, so some requests get past the first check and into the handlers.</summary>
    public sealed record Known(string ApiKey, string AdminKey, IReadOnlyList<string> ImageIds, string Vin, IReadOnlyDictionary<string, string[]> Values);

    private static readonly string[] Prefixes = ["/images", "/photos", "/vehicleimagery", "/media", "/v1", "/v1/admin", "/admin", "/docs", "/openapi", ""];

    private static readonly string[] Methods = ["GET", "GET", "GET", "GET", "GET", "GET", "HEAD", "POST", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"];

    private static readonly string[] Garbage =
    [
        "", " ", "0", "-1", "+1", "00012", "1e9", "0x1F", "NaN", "true", "null", "99999999999999999999999", "2147483648", "-2147483649",
        "%00", "%01", "%0D%0A", "%7F", "%FF%FE", "%C3%28", "%ED%A0%80", "%ZZ", "%", "%%", "%2F", "%2e%2e", "..", "../..", "\u00e9",
        "\U0001F697", "<x/>", "'", "\"", "{}", "[]", "a,b", "+", "%EF%BF%BE", "%EF%BF%BF", "\u200b", "\ufeff",
    ];

    private static readonly string[] Accepts = ["*/*", "image/avif,image/webp,*/*", "application/xml", "garbage", "text/html;q=abc", ""];

    private readonly Random _random = new(seed);

    /// <summary>One request: method, path and query (escaped or deliberately not), headers and maybe a body.</summary>
    public HttpRequestMessage Next(Uri server)
    {
        var route = Pick(routes);

        // Mostly the route's own method, so most requests get past routing into the handlers.
        var method = new HttpMethod(_random.Next(5) == 0 ? Pick(Methods) : Pick(route.Methods));
        var path = _random.Next(10) == 0 ? UnknownPath() : FillRoute(route.Pattern);
        var query = Query();
        var request = new HttpRequestMessage(method, new Uri(server.GetLeftPart(UriPartial.Authority) + path + query));
        AddKey(request);
        if (_random.Next(3) == 0)
        {
            request.Headers.TryAddWithoutValidation("Accept", Pick(Accepts));
        }

        if (_random.Next(8) == 0)
        {
            request.Headers.TryAddWithoutValidation("Range", Pick(["bytes=0-10", "bytes=abc", "bytes=10-5", "bytes=-0", "items=0-1", "bytes=0-1,2-3,4-5"]));
        }

        if (_random.Next(8) == 0)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", Pick(["\"x\"", "*", "garbage", "W/\"1\""]));
        }

        if (method != HttpMethod.Get && method != HttpMethod.Head && _random.Next(3) != 0)
        {
            request.Content = Body();
        }

        return request;
    }

    private string FillRoute(string pattern) => RouteParameter().Replace(pattern, match => Segment(match.Groups["name"].Value));

    private string Segment(string name)
    {
        if (_random.Next(3) == 0)
        {
            return Broken();
        }

        return name switch
        {
            "id" => _random.Next(4) == 0 ? Guid.NewGuid().ToString() : Pick(known.ImageIds),
            "vin" => Pick([known.Vin, known.Vin.ToLowerInvariant(), known.Vin[..16], "1FTEW1C52PFA86826"]),
            "source" => Pick(["retail", "wholesale", "RETAIL", "stock"]),
            "file" => Pick([$"{known.Vin}-1.jpg", $"{known.Vin}-01.jpg", $"{known.Vin}-0.jpg", $"{known.Vin}-99999.jpg", $"{known.Vin}-1.png"]),
            "variant" => Pick(["original", "small-opaque.jpg", "large-transparent.png", "medium-cutout-framed.webp", "thumbnail-opaque.auto", "huge-opaque.jpg"]),
            "name" => Pick(["admin.css", "library.js", "nothing.js", "..%2Fappsettings.json"]),
            _ => Broken(),
        };
    }

    private string UnknownPath() =>
        Pick(Prefixes) + string.Concat(Enumerable.Range(0, _random.Next(1, 4)).Select(_ => "/" + (_random.Next(2) == 0 ? Broken() : Word())));

    private string Query()
    {
        var names = known.Values.Keys.ToList();
        var parts = new List<string>();
        for (var i = _random.Next(0, 7); i > 0; i--)
        {
            var name = _random.Next(12) == 0 ? Broken() : Pick(names);
            var value = known.Values.TryGetValue(name, out var values) && _random.Next(2) == 0 ? Uri.EscapeDataString(Pick(values)) : Broken();
            parts.Add($"{name}={value}");
            if (_random.Next(6) == 0)
            {
                parts.Add($"{name}={(_random.Next(2) == 0 ? value : Broken())}");
            }
        }

        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }

    private void AddKey(HttpRequestMessage request)
    {
        var key = _random.Next(5) switch
        {
            0 => null,
            1 => known.AdminKey,
            2 => Broken(),
            _ => known.ApiKey,
        };
        if (key is null)
        {
            return;
        }

        foreach (var header in Enumerable.Range(0, _random.Next(1, 3)).Select(_ => Pick(["x-api-key", "X-API-Key", "Authorization"])))
        {
            request.Headers.TryAddWithoutValidation(header, header == "Authorization" ? Pick(["Bearer ", "bearer ", "Basic ", ""]) + key : key);
        }

        if (_random.Next(4) == 0)
        {
            var query = request.RequestUri!.Query.Length == 0 ? "?" : "&";
            request.RequestUri = new Uri(request.RequestUri + query + Pick(["key", "apiKey"]) + "=" + Uri.EscapeDataString(key));
        }
    }

    private ByteArrayContent Body()
    {
        var (text, type) = _random.Next(6) switch
        {
            0 => ("{", "application/json"),
            1 => ("{\"name\":" + new string('[', 200), "application/json"),
            2 => ("{\"plan\":123,\"view\":[],\"colour\":{},\"verdict\":\"maybe\",\"accept\":7,\"key\":null}", "application/json"),
            3 => ("--x\r\nContent-Disposition: form-data; name=\"files\"; filename=\"a.jpg\"\r\n\r\nnot a jpeg\r\n--x--\r\n", "multipart/form-data; boundary=x"),
            4 => ("--x\r\nbroken", "multipart/form-data; boundary=x"),
            _ => (Encoding.Latin1.GetString(RandomBytes(_random.Next(0, 300))), Pick(["application/octet-stream", "text/plain", "application/xml", "garbage/garbage"])),
        };
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        content.Headers.TryAddWithoutValidation("Content-Type", type);
        return content;
    }

    // A broken value, sent as it is: percent escapes that decode to nothing valid, or none at all, are the point.
    private string Broken() => _random.Next(10) switch
    {
        0 => new string('A', _random.Next(300, 3000)),
        1 => string.Concat(RandomBytes(_random.Next(1, 12)).Select(b => "%" + b.ToString("X2", CultureInfo.InvariantCulture))),
        _ => Pick(Garbage),
    };

    private string Word() => Pick(["images", "photos", "x", "retail", "imagesearch", "keys", "session", "v2", "admin", "media", "favicon.ico"]);

    private byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        _random.NextBytes(bytes);
        return bytes;
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    [GeneratedRegex(@"\{\**(?<name>[a-zA-Z]+)(:[^}]*)?\}")]
    private static partial Regex RouteParameter();
}
