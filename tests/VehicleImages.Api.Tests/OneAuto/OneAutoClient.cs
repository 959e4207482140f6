using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace VehicleImages.Api.Tests.OneAuto;

/// <summary>
/// A client written against OneAuto's documentation, as an integrator would: typed records, strict
/// System.Text.Json, so a year sent as a string, a missing field or a wrong nesting throws instead of reading as empty.
/// </summary>
public sealed class OneAutoClient(HttpClient http, string key)
{
    /// <summary>Strict as a typed client is: numbers are numbers, declared non-null fields are present and not null.</summary>
    public static readonly JsonSerializerOptions Json = new()
    {
        NumberHandling = JsonNumberHandling.Strict,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    public async Task<IReadOnlyList<OneAutoVehicle>> ImageSearchAsync(string make, string model, int year, CancellationToken cancellationToken) =>
        (await GetAsync<IReadOnlyList<OneAutoVehicle>>(
            $"/vehicleimagery/imagesearch?manufacturer_desc={Uri.EscapeDataString(make)}&model_range_desc={Uri.EscapeDataString(model)}&manufactured_year={year}",
            cancellationToken)).Result;

    public async Task<OneAutoIdentification> ImageSearchFromVinAsync(string vin, CancellationToken cancellationToken) =>
        (await GetAsync<OneAutoIdentification>($"/vehicleimagery/imagesearchfromvin?vehicle_identification_number={Uri.EscapeDataString(vin)}", cancellationToken)).Result;

    public async Task<OneAutoIdentification> ImageSearchFromVrmAsync(string vrm, CancellationToken cancellationToken) =>
        (await GetAsync<OneAutoIdentification>($"/vehicleimagery/imagesearchfromvrm?vehicle_registration_mark={Uri.EscapeDataString(vrm)}", cancellationToken)).Result;

    /// <summary>The status imagefromid answers for an ID in a colour, on the default (opaque) background.</summary>
    public async Task<HttpStatusCode> ImageFromIdStatusAsync(string imageId, string colour, CancellationToken cancellationToken)
    {
        using var response = await SendAsync($"/vehicleimagery/imagefromid?image_id={imageId}&generic_colour_desc={Uri.EscapeDataString(colour)}", cancellationToken);
        return response.StatusCode;
    }

    /// <summary>imagefromid's link for an ID in a colour.</summary>
    public async Task<string> ImageUrlAsync(string imageId, string colour, CancellationToken cancellationToken) =>
        (await GetAsync<OneAutoImage>($"/vehicleimagery/imagefromid?image_id={imageId}&generic_colour_desc={Uri.EscapeDataString(colour)}", cancellationToken)).Result.ImageUrl;

    private async Task<OneAutoAnswer<T>> GetAsync<T>(string path, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(path, cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new HttpRequestException($"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}", null, response.StatusCode);
        }

        return JsonSerializer.Deserialize<OneAutoAnswer<T>>(await response.Content.ReadAsStringAsync(cancellationToken), Json)
            ?? throw new JsonException($"{path}: a null body");
    }

    private async Task<HttpResponseMessage> SendAsync(string path, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("x-api-key", key);
        return await http.SendAsync(request, cancellationToken);
    }
}

/// <summary>OneAuto's success envelope.</summary>
public sealed record OneAutoAnswer<T>([property: JsonPropertyName("success")] bool Success, [property: JsonPropertyName("result")] T Result);

/// <summary>The VIN and VRM searches' result, as the vendor's client libraries read it: <c>result.images[0].image_ids</c>.</summary>
public sealed record OneAutoIdentification([property: JsonPropertyName("images")] IReadOnlyList<OneAutoVehicle> Images);

/// <summary>
/// One vehicle of a search, as OneAuto documents it; the last two fields are this service's own additions, optional
/// here so the record still reads the vendor's answers.
/// </summary>
public sealed record OneAutoVehicle(
    [property: JsonPropertyName("manufacturer_desc")] string ManufacturerDesc,
    [property: JsonPropertyName("model_range_desc")] string ModelRangeDesc,
    [property: JsonPropertyName("body_type_desc")] string BodyTypeDesc,
    [property: JsonPropertyName("derivative_desc")] string DerivativeDesc,
    [property: JsonPropertyName("manufactured_year")] int ManufacturedYear,
    [property: JsonPropertyName("image_ids")] OneAutoImageIdSet ImageIds,
    [property: JsonPropertyName("colour_desc_list")] IReadOnlyList<string> ColourDescList,
    [property: JsonPropertyName("manufactured_years")] OneAutoYearSpan? ManufacturedYears = null,
    [property: JsonPropertyName("colour_image_ids")] IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? ColourImageIds = null);

/// <summary>An image ID per view; null for a view not held.</summary>
public sealed record OneAutoImageIdSet(
    [property: JsonPropertyName("front")] string? Front,
    [property: JsonPropertyName("front_right")] string? FrontRight,
    [property: JsonPropertyName("right")] string? Right,
    [property: JsonPropertyName("rear_right")] string? RearRight,
    [property: JsonPropertyName("rear")] string? Rear,
    [property: JsonPropertyName("rear_left")] string? RearLeft,
    [property: JsonPropertyName("left")] string? Left,
    [property: JsonPropertyName("front_left")] string? FrontLeft,
    [property: JsonPropertyName("inside_1")] string? Inside1,
    [property: JsonPropertyName("inside_2")] string? Inside2,
    [property: JsonPropertyName("inside_3")] string? Inside3)
{
    /// <summary>The IDs of the views held, by view name.</summary>
    public IReadOnlyDictionary<string, string> Held => new Dictionary<string, string?>
    {
        ["front"] = Front, ["front_right"] = FrontRight, ["right"] = Right, ["rear_right"] = RearRight, ["rear"] = Rear, ["rear_left"] = RearLeft,
        ["left"] = Left, ["front_left"] = FrontLeft, ["inside_1"] = Inside1, ["inside_2"] = Inside2, ["inside_3"] = Inside3,
    }.Where(pair => pair.Value is not null).ToDictionary(pair => pair.Key, pair => pair.Value!);
}

/// <summary>This service's <c>manufactured_years</c>: the range a configuration's images cover.</summary>
public sealed record OneAutoYearSpan([property: JsonPropertyName("from")] int From, [property: JsonPropertyName("to")] int To);

/// <summary>imagefromid's result.</summary>
public sealed record OneAutoImage([property: JsonPropertyName("image_url")] string ImageUrl);
