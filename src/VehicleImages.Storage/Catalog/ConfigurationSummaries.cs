using VehicleImages.Domain.Colours;
using VehicleImages.Domain.Images;
using VehicleImages.Domain.Search;
using VehicleImages.Domain.Text;
using VehicleImages.Domain.Vehicles;

namespace VehicleImages.Storage.Catalog;

/// <summary>One view and colour that a configuration's good images cover, as a backend's query finds it.</summary>
internal readonly record struct ConfigurationCoverage(VehicleConfiguration Configuration, View View, GenericColour? Colour);

/// <summary>
/// Turns coverage rows into <see cref="ICatalog.SummariseAsync"/>'s answer. Every backend finishes here, so the body
/// match and the order (newest years first, then trim, then ID) are the same whichever database found the rows.
/// </summary>
internal static class ConfigurationSummaries
{
    public static IReadOnlyList<ConfigurationSummary> Of(IEnumerable<ConfigurationCoverage> coverage, ConfigurationSearch search)
    {
        var bodyKey = MatchKey.Of(search.Body);
        return
        [
            .. coverage.GroupBy(c => c.Configuration.Id)
                .Select(g => new ConfigurationSummary(g.First().Configuration, g.Select(c => new ImageCoverage(c.View, c.Colour)).ToHashSet()))
                .Where(s => bodyKey.Length == 0 || MatchKey.Of(s.Configuration.Body) == bodyKey)
                .OrderByDescending(s => s.Configuration.Years?.To ?? 0).ThenBy(s => s.Configuration.Trim).ThenBy(s => s.Configuration.Id),
        ];
    }
}
