using VehicleImages.Domain.Colours;
using VehicleImages.Domain.Search;
using VehicleImages.Domain.Vocabulary;

namespace VehicleImages.Api.OneAuto;

/// <summary>One configuration as OneAuto's searches describe it (serialised in snake_case).</summary>
internal sealed record OneAutoVehicle(
    string ManufacturerDesc,
    string ModelRangeDesc,
    string BodyTypeDesc,
    string DerivativeDesc,
    string ManufacturedYear,
    IReadOnlyDictionary<string, string?> ImageIds,
    IReadOnlyList<string> ColourDescList);

/// <summary>
/// The VIN and VRM searches' result: one vehicle, so an object rather than a list, carrying both shapes client
/// libraries read: <c>image_ids</c> by slot, like imagesearch, and <c>images</c>, a list of slot and ID pairs.
/// </summary>
internal sealed record OneAutoIdentifiedVehicle(
    string ManufacturerDesc,
    string ModelRangeDesc,
    string BodyTypeDesc,
    string DerivativeDesc,
    string ManufacturedYear,
    IReadOnlyDictionary<string, string?> ImageIds,
    IReadOnlyList<string> ColourDescList,
    IReadOnlyList<OneAutoSlotImage> Images);

/// <summary>One held view of an identified vehicle.</summary>
internal sealed record OneAutoSlotImage(string View, string ImageId);

internal static class OneAutoVehicles
{
    public static OneAutoVehicle Describe(ConfigurationSummary summary)
    {
        var configuration = summary.Configuration;
        return new OneAutoVehicle(
            configuration.Make,
            configuration.Model,
            configuration.Body ?? "",
            configuration.Trim ?? "",
            configuration.Years?.ToString() ?? "",
            OneAutoViews.Slots.ToDictionary(
                slot => slot.Name,
                slot => slot.Views.Any(summary.Views.Contains) ? OneAutoImageIds.Format(configuration.Id, slot) : null),
            [.. summary.Colours.Order().Select(GenericColours.Name)]);
    }

    public static OneAutoIdentifiedVehicle Identify(ConfigurationSummary summary)
    {
        var vehicle = Describe(summary);
        return new OneAutoIdentifiedVehicle(
            vehicle.ManufacturerDesc, vehicle.ModelRangeDesc, vehicle.BodyTypeDesc, vehicle.DerivativeDesc, vehicle.ManufacturedYear,
            vehicle.ImageIds, vehicle.ColourDescList,
            [.. vehicle.ImageIds.Where(pair => pair.Value is not null).Select(pair => new OneAutoSlotImage(pair.Key, pair.Value!))]);
    }
}
