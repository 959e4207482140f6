using VehicleImages.Domain.Colours;
using VehicleImages.Domain.Search;
using VehicleImages.Domain.Vehicles;
using VehicleImages.Domain.Vocabulary;

namespace VehicleImages.Api.OneAuto;

/// <summary>
/// One configuration as OneAuto's searches describe it (serialised in snake_case). <c>manufactured_years</c> and
/// <c>colour_image_ids</c> are ours: the range the single year stands for, and which image IDs serve each colour.
/// </summary>
internal sealed record OneAutoVehicle(
    string ManufacturerDesc,
    string ModelRangeDesc,
    string BodyTypeDesc,
    string DerivativeDesc,
    int? ManufacturedYear,
    OneAutoYears? ManufacturedYears,
    IReadOnlyDictionary<string, string?> ImageIds,
    IReadOnlyList<string> ColourDescList,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> ColourImageIds);

/// <summary>The model years a configuration's images cover, inclusive.</summary>
internal sealed record OneAutoYears(int From, int To);

/// <summary>The VIN and VRM searches' result: the vehicles that may be the one identified, best match first.</summary>
internal sealed record OneAutoIdentified(IReadOnlyList<OneAutoVehicle> Images);

internal static class OneAutoVehicles
{
    /// <summary>The configuration as a OneAuto vehicle; its year is the one asked for when it covers it, else its first.</summary>
    public static OneAutoVehicle Describe(ConfigurationSummary summary, int? askedYear)
    {
        var configuration = summary.Configuration;
        var held = OneAutoViews.Slots.Where(slot => summary.Coverage.Any(c => slot.Views.Contains(c.View))).ToList();
        var colourImageIds = summary.Coverage.Where(c => c.Colour is not null).Select(c => c.Colour!.Value).Distinct().Order()
            .ToDictionary(
                GenericColours.Name,
                IReadOnlyDictionary<string, string> (colour) => held
                    .Where(slot => summary.Coverage.Any(c => slot.Serves(c.View, c.Colour, colour)))
                    .ToDictionary(slot => slot.Name, slot => OneAutoImageIds.Format(configuration.Id, slot)));
        return new OneAutoVehicle(
            configuration.Make,
            configuration.Model,
            configuration.Body ?? "",
            configuration.Trim ?? "",
            YearOf(configuration.Years, askedYear),
            configuration.Years is { } years ? new OneAutoYears(years.From, years.To) : null,
            OneAutoViews.Slots.ToDictionary(slot => slot.Name, slot => held.Contains(slot) ? OneAutoImageIds.Format(configuration.Id, slot) : null),

            // Only colours every held slot serves: a client shows one colour across all the views it was given.
            [.. colourImageIds.Where(pair => pair.Value.Count == held.Count).Select(pair => pair.Key)],
            colourImageIds);
    }

    // An undated configuration matches any year asked, so it answers that year; asked none, its year is unknown.
    private static int? YearOf(YearRange? years, int? asked) =>
        asked is { } year && (years is null || years.Value.Contains(year)) ? year : years?.From;
}
