using System.Globalization;
using System.Net;
using System.Text.Json;

namespace VehicleImages.Api.Tests.Media;

/// <summary>Ways to write a link the API handed out other than as it was handed out, and the family envelopes refusals come in.</summary>
internal static class LinkSpellings
{
    /// <summary>Re-spellings of the query that every signed link family refuses.</summary>
    public static readonly string[] OfTheQuery =
    [
        "sig with a spare bit set in its last character",
        "sig in the + and / alphabet",
        "sig padded with ==",
        "sig padded with escaped ==",
        "sig with an escaped character",
        "sig repeated",
        "width first",
        "an unknown parameter",
        "an upper-case parameter name",
        "a parameter without a value",
        "a stray ampersand",
        "width with a leading zero",
        "width with a plus sign",
        "width with an escaped digit",
        "width repeated",
    ];

    /// <summary>Re-spellings of an expiring link's exp.</summary>
    public static readonly string[] OfTheExpiry =
    [
        "exp with a leading zero",
        "exp with a plus sign",
        "exp with an escaped plus sign",
        "exp padded with a space before",
        "exp padded with a space after",
        "exp not a number",
        "exp too large for a number",
        "exp repeated",
        "sig before exp",
    ];

    public static string Respell(string link, string spelling)
    {
        var mark = link.IndexOf('?', StringComparison.Ordinal);
        var path = link[..mark];
        var parameters = link[(mark + 1)..].Split('&').Select(p => (Name: p[..p.IndexOf('=', StringComparison.Ordinal)], Value: p[(p.IndexOf('=', StringComparison.Ordinal) + 1)..])).ToList();
        var sig = parameters.Single(p => p.Name == "sig").Value;
        var exp = parameters.SingleOrDefault(p => p.Name == "exp").Value;
        string With(string name, string value) => Join(path, parameters.Select(p => p.Name == name ? $"{name}={value}" : $"{p.Name}={p.Value}"));
        string Plus(params string[] extra) => Join(path, parameters.Select(p => $"{p.Name}={p.Value}").Concat(extra));
        return spelling switch
        {
            "sig with a spare bit set in its last character" => With("sig", sig[..^1] + (char)(sig[^1] + 1)),
            "sig in the + and / alphabet" => With("sig", sig.Replace('-', '+').Replace('_', '/')),
            "sig padded with ==" => With("sig", sig + "=="),
            "sig padded with escaped ==" => With("sig", sig + "%3D%3D"),
            "sig with an escaped character" => With("sig", Escaped(sig[0]) + sig[1..]),
            "sig repeated" => Plus($"sig={sig}"),
            "width first" => Join(path, parameters.Select(p => $"{p.Name}={p.Value}").Prepend("width=320")),
            "an unknown parameter" => Plus("v=2"),
            "an upper-case parameter name" => link.Replace("sig=", "SIG=", StringComparison.Ordinal),
            "a parameter without a value" => Plus("width"),
            "a stray ampersand" => link + "&",
            "width with a leading zero" => Plus("width=0320"),
            "width with a plus sign" => Plus("width=+320"),
            "width with an escaped digit" => Plus("width=%3320"),
            "width repeated" => Plus("width=320", "width=320"),
            "exp with a leading zero" => With("exp", "0" + exp),
            "exp with a plus sign" => With("exp", "+" + exp),
            "exp with an escaped plus sign" => With("exp", "%2B" + exp),
            "exp padded with a space before" => With("exp", "%20" + exp),
            "exp padded with a space after" => With("exp", exp + "%20"),
            "exp not a number" => With("exp", "soon"),
            "exp too large for a number" => With("exp", "99999999999999999999"),
            "exp repeated" => Plus($"exp={exp}"),
            "sig before exp" => Join(path, parameters.Select(p => $"{p.Name}={p.Value}").Reverse()),
            _ => throw new ArgumentOutOfRangeException(nameof(spelling), spelling, "No such spelling."),
        };
    }

    /// <summary>The link to send exactly as written: HttpClient would otherwise unescape what needs no escape.</summary>
    public static Uri AsWritten(TestApp app, string link) =>
        new(app.Address.GetLeftPart(UriPartial.Authority) + link, new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });

    public static string Escaped(char c) => string.Create(CultureInfo.InvariantCulture, $"%{(int)c:X2}");

    /// <summary>A 403 or 400 in RFC 9457 problem details, the media links' envelope.</summary>
    public static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal((int)status, body.RootElement.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(body.RootElement.GetProperty("detail").GetString()));
    }

    /// <summary>A 403 or 400 in auto.dev's envelope, {status, error, code, path, requestId}.</summary>
    public static async Task AssertAutoDevErrorAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        Assert.Equal(status, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(["status", "error", "code", "path", "requestId"], body.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal((int)status, body.RootElement.GetProperty("status").GetInt32());
        Assert.Equal(code, body.RootElement.GetProperty("code").GetString());
        Assert.StartsWith("/photos/", body.RootElement.GetProperty("path").GetString(), StringComparison.Ordinal);
        Assert.Equal(response.Headers.GetValues("x-request-id").Single(), body.RootElement.GetProperty("requestId").GetString());
    }

    private static string Join(string path, IEnumerable<string> parameters) => $"{path}?{string.Join('&', parameters)}";
}
