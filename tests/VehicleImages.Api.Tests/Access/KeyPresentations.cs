using VehicleImages.Domain.Keys;

namespace VehicleImages.Api.Tests.Access;

/// <summary>
/// Every way a family's clients can present a key twice: a header repeated (as two lines, or as the one line
/// HttpClient joins it into), a header beside another header or the query, a query parameter repeated.
/// </summary>
internal static class KeyPresentations
{
    private static readonly Dictionary<string, Way> Ways = new Way[]
    {
        new("CarsXE ?key twice", ApiFamily.CarsXe, (a, b) => [], (a, b) => $"key={a}&key={b}", Lines: false),
        new("auto.dev X-API-Key on two lines", ApiFamily.AutoDev, (a, b) => [("X-API-Key", a), ("X-API-Key", b)], NoQuery, Lines: true),
        new("auto.dev X-API-Key joined by HttpClient", ApiFamily.AutoDev, (a, b) => [("X-API-Key", a), ("X-API-Key", b)], NoQuery, Lines: false),
        new("auto.dev Bearer on two lines", ApiFamily.AutoDev, (a, b) => [("Authorization", $"Bearer {a}"), ("Authorization", $"Bearer {b}")], NoQuery, Lines: true),
        new("auto.dev Bearer joined by HttpClient", ApiFamily.AutoDev, (a, b) => [("Authorization", $"Bearer {a}"), ("Authorization", $"Bearer {b}")], NoQuery, Lines: false),
        new("auto.dev Bearer and X-API-Key", ApiFamily.AutoDev, (a, b) => [("Authorization", $"Bearer {a}"), ("X-API-Key", b)], NoQuery, Lines: true),
        new("auto.dev Bearer and ?apiKey", ApiFamily.AutoDev, (a, b) => [("Authorization", $"Bearer {a}")], (a, b) => $"apiKey={b}", Lines: true),
        new("auto.dev ?apiKey twice", ApiFamily.AutoDev, (a, b) => [], (a, b) => $"apiKey={a}&apiKey={b}", Lines: false),
        new("OneAuto x-api-key on two lines", ApiFamily.OneAuto, (a, b) => [("x-api-key", a), ("x-api-key", b)], NoQuery, Lines: true),
        new("OneAuto x-api-key joined by HttpClient", ApiFamily.OneAuto, (a, b) => [("x-api-key", a), ("x-api-key", b)], NoQuery, Lines: false),
        new("native X-API-Key on two lines", ApiFamily.Native, (a, b) => [("X-API-Key", a), ("X-API-Key", b)], NoQuery, Lines: true),
        new("native Bearer and ?key", ApiFamily.Native, (a, b) => [("Authorization", $"Bearer {a}")], (a, b) => $"key={b}", Lines: true),
        new("native ?key and ?apiKey", ApiFamily.Native, (a, b) => [], (a, b) => $"key={a}&apiKey={b}", Lines: false),
    }.ToDictionary(way => way.Name);

    public static readonly TheoryData<string> Names = new(Ways.Keys);

    public static ApiFamily Family(string way) => Ways[way].Family;

    /// <summary>Presents <paramref name="first"/> and <paramref name="second"/> (the same key, or two) the named way.</summary>
    public static Task<HttpResponseMessage> SendAsync(Peer peer, string way, string first, string second)
    {
        var (_, family, headers, query, lines) = Ways[way];
        using var template = FamilyCalls.Request(family, key: null);
        var target = template.RequestUri!.OriginalString;
        var extra = query(first, second);
        target = extra.Length == 0 ? target : target + (target.Contains('?', StringComparison.Ordinal) ? "&" : "?") + extra;
        if (lines)
        {
            return peer.SendLinesAsync(target, headers(first, second));
        }

        var request = new HttpRequestMessage(HttpMethod.Get, target);
        foreach (var (name, value) in headers(first, second))
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return peer.SendAsync(request);
    }

    private static string NoQuery(string first, string second) => "";

    private sealed record Way(
        string Name, ApiFamily Family, Func<string, string, (string Name, string Value)[]> Headers, Func<string, string, string> Query, bool Lines);
}
