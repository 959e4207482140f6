using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using VehicleImages.Domain.Keys;
using VehicleImages.Storage.Catalog;

namespace VehicleImages.Api.Tests.Envelopes;

/// <summary>
/// Thousands of malformed requests across every route the server maps (found from its endpoints, so a new route is
/// covered without touching this test): none may answer 5xx, and every 4xx must be in its family's envelope, except
/// the refusals Kestrel makes itself before any middleware runs.
/// </summary>
public sealed class MalformedRequestFuzzTests(LibraryFixture library) : IClassFixture<LibraryFixture>
{
    private const int Requests = 6_000;
    private const int Seed = 16;
    private const int AtOnce = 4;

    // A guard against a hang, far above the seconds the run takes: the count, not the time, is what the test is about.
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(10);

    [Fact]
    public async Task Malformed_requests_across_every_route_get_no_5xx_and_every_4xx_in_its_familys_envelope()
    {
        var routes = Routes(library.App.App.Services);
        var images = await library.App.Service<ICatalog>().FindByVinAsync(LibraryFixture.FordVin, TestContext.Current.CancellationToken);
        var generator = new MalformedRequests(Seed, routes, new MalformedRequests.Known(
            library.Key, await library.CreateKeyAsync("fuzz admin", KeyScopes.Admin | KeyScopes.Api), [.. images.Select(i => i.Id.ToString())],
            LibraryFixture.FordVin, ParameterValues));
        var requests = Enumerable.Range(0, Requests).Select(_ => generator.Next(library.App.Address)).ToList();

        using var handler = new SocketsHttpHandler { RequestHeaderEncodingSelector = (_, _) => Encoding.UTF8, AllowAutoRedirect = false };
        using var client = new HttpClient(handler);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(Deadline);
        var violations = new ConcurrentQueue<string>();
        var statuses = new ConcurrentDictionary<int, int>();
        await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = AtOnce, CancellationToken = deadline.Token }, async (request, cancel) =>
        {
            var (method, uri) = (request.Method, request.RequestUri!);
            using var response = await client.SendAsync(request, cancel);
            var body = await response.Content.ReadAsStringAsync(cancel);
            statuses.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
            if (FamilyEnvelope.Violation(method, uri, response, body) is { } violation)
            {
                violations.Enqueue($"{method} {Shorten(uri.PathAndQuery)}: {violation}");
            }

            request.Dispose();
        });

        Assert.True(violations.IsEmpty, $"{violations.Count} of {Requests} answers broke the rules, e.g.:\n{string.Join('\n', violations.Take(15))}");

        // The requests reached the handlers, not only the key check: some succeeded, many were refused for their content.
        Assert.Equal(Requests, statuses.Values.Sum());
        Assert.True(statuses.Where(s => s.Key is >= 200 and < 300).Sum(s => s.Value) > Requests / 20, Describe(statuses));
        Assert.True(statuses.GetValueOrDefault(400) > Requests / 50, Describe(statuses));
    }

    private static string Shorten(string text) => text.Length <= 160 ? text : text[..160] + "…";

    private static string Describe(IReadOnlyDictionary<int, int> statuses) =>
        "statuses: " + string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}"));

    private static IReadOnlyList<MalformedRequests.Route> Routes(IServiceProvider services) =>
    [
        .. services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is not null)
            .Select(e => new MalformedRequests.Route(
                e.RoutePattern.RawText!.StartsWith('/') ? e.RoutePattern.RawText : "/" + e.RoutePattern.RawText,
                e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])),
    ];

    /// <summary>Every query parameter the APIs read, with values a real client would send.</summary>
    private static readonly IReadOnlyDictionary<string, string[]> ParameterValues = new Dictionary<string, string[]>
    {
        ["make"] = ["jaguar", "Ford", "audi"], ["model"] = ["f-pace", "F-150", "TT"], ["year"] = ["2019", "2023", "2016-2018"],
        ["trim"] = ["S", "XLT"], ["color"] = ["Red", "Glacier White"], ["transparent"] = ["true", "False"],
        ["angle"] = ["front", "side", "rear three-quarter", "back"], ["photoType"] = ["interior", "exterior", "engine"],
        ["size"] = ["Small", "All", "Wallpaper"], ["license"] = ["Public", "Share"], ["format"] = ["json", "xml"], ["validate"] = ["true", "false"],
        ["source"] = ["npm", "dotnet"], ["exp"] = ["1797292800", "0"], ["sig"] = ["AAAAAAAAAAAAAAAAAAAAAA", "abc"], ["width"] = ["320", "1", "100000"],
        ["image_id"] = ["770bca55-312b-5bd7-9007-3c5b125a7123-1", "x-1"], ["generic_colour_desc"] = ["Black", "White", "Purple"],
        ["image_background"] = ["Transparent", "Opaque", "Checkered"], ["ignore_issues"] = ["true", "1"], ["framed"] = ["true", "yes"],
        ["manufacturer_desc"] = ["Jaguar", "Audi"], ["model_range_desc"] = ["F-PACE", "TT"], ["manufactured_year"] = ["2019", "2010"],
        ["derivative_desc"] = ["S"], ["body_type_desc"] = ["SUV"], ["vehicle_identification_number"] = ["1FTEW1C52PFA86825", "SALYA2BN4KA123456"],
        ["vehicle_registration_mark"] = ["AB12 CDE", "ZZ99ZZZ"], ["offset"] = ["0", "20"], ["limit"] = ["10", "200", "201"],
        ["years"] = ["2019", "2016-2018"], ["view"] = ["front_left", "interior"], ["colour"] = ["Red", ""], ["licence"] = ["Public", ""],
        ["quality"] = ["good", "flagged", "blurred", "label_mismatch"], ["vin"] = ["1FTEW1C52PFA86825"], ["subject"] = ["image:x"], ["before"] = ["1"],
        ["from"] = ["2026-01-01"], ["to"] = ["2026-12-31"], ["key"] = ["x"], ["next"] = ["/admin"],
    };
}
