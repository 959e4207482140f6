using System.Net;
using System.Text.Json;
using System.Xml.Linq;

namespace VehicleImages.Api.Tests.Envelopes;

/// <summary>
/// CarsXE's <c>format=xml</c> answers are always well-formed XML, whatever the client echoes: every C0 control
/// character and U+FFFE/U+FFFF in every echoed parameter. XML 1.0 can carry tab, line feed and carriage return (the
/// last as a character reference); the others are written as U+FFFD. The JSON form echoes them exactly.
/// </summary>
public sealed class CarsXeXmlEchoTests(LibraryFixture library) : IClassFixture<LibraryFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static readonly TheoryData<string> EchoedParameters =
        ["make", "model", "year", "trim", "color", "transparent", "angle", "photoType", "size", "license", "validate", "format", "someParameterOfTheClients"];

    private static readonly char[] Awkward = [.. Enumerable.Range(0, 0x20).Select(c => (char)c), '\uFFFE', '\uFFFF'];

    [Theory]
    [MemberData(nameof(EchoedParameters))]
    public async Task Every_control_character_in_an_echoed_parameter_gives_well_formed_xml_in_the_carsxe_envelope(string parameter)
    {
        foreach (var awkward in Awkward)
        {
            var value = $"f{awkward}x";
            var query = new Dictionary<string, string> { ["make"] = "jaguar", ["model"] = "f-pace", ["format"] = "xml" };
            query[parameter] = value;
            var uri = "/images?key=" + library.Key + string.Concat(query.Select(p => $"&{p.Key}={Uri.EscapeDataString(p.Value)}"));

            using var response = await library.App.Client.GetAsync(uri, Cancel);
            var body = await response.Content.ReadAsStringAsync(Cancel);

            var what = $"{parameter} holding U+{(int)awkward:X4}";
            Assert.True((int)response.StatusCode < 500, $"{what}: {(int)response.StatusCode} {body}");
            if (parameter == "format")
            {
                // "xml" with a character after it is not xml: a JSON 400 that echoes the value exactly.
                using var json = JsonDocument.Parse(body);
                Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
                Assert.Equal(value, json.RootElement.GetProperty("query").GetProperty(parameter).GetString());
                continue;
            }

            var root = XDocument.Parse(body).Root!;
            Assert.Equal(response.IsSuccessStatusCode ? "true" : "false", root.Element("success")!.Value);
            Assert.True(response.IsSuccessStatusCode || root.Element("error")!.Value.Length > 0, what);
            Assert.Equal(AsXmlCarriesIt(value), root.Element("query")!.Element(parameter)!.Value);
        }
    }

    [Theory]
    [InlineData("&=nameless")]
    [InlineData("&xmlns=1")]
    [InlineData("&xml-stylesheet=1")]
    [InlineData("&1st=1")]
    [InlineData("&a%3Ab=1")]
    [InlineData("&%F0%9F%9A%97=car")]
    public async Task A_parameter_name_that_cannot_be_an_element_is_left_out_of_the_xml_echo(string extra)
    {
        using var response = await library.App.Client.GetAsync($"/images?key={library.Key}&make=jaguar&model=f-pace&format=xml{extra}", Cancel);
        var body = await response.Content.ReadAsStringAsync(Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var echoed = XDocument.Parse(body).Root!.Element("query")!.Elements().Select(e => e.Name.LocalName);
        Assert.Equal(["make", "model", "format"], echoed);
    }

    // XML 1.0's Char production: tab, line feed, carriage return and U+0020 up; U+FFFE and U+FFFF never.
    private static string AsXmlCarriesIt(string value) =>
        string.Concat(value.Select(c => c is '\t' or '\n' or '\r' || (c >= ' ' && c < '\uFFFE') ? c : '\uFFFD'));
}
