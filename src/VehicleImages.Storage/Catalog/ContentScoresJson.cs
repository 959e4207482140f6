using System.Text.Json;
using VehicleImages.Domain.Vision;

namespace VehicleImages.Storage.Catalog;

/// <summary>A prediction's per-class probabilities as every backend keeps them: one JSON object keyed by the classes' wire names.</summary>
internal static class ContentScoresJson
{
    // Written in the classes' fixed order, so that the same scores always make the same text.
    public static string Write(IReadOnlyDictionary<ContentClass, double> scores) =>
        JsonSerializer.Serialize(ContentClasses.Known.Where(scores.ContainsKey).ToDictionary(c => c.Name(), c => scores[c]));

    /// <summary>Names this version does not know (a class added by newer models) are left out rather than refused.</summary>
    public static IReadOnlyDictionary<ContentClass, double> Read(string json)
    {
        var scores = new Dictionary<ContentClass, double>();
        foreach (var (name, score) in JsonSerializer.Deserialize<Dictionary<string, double>>(json) ?? [])
        {
            if (ContentClasses.TryParse(name, out var content))
            {
                scores[content] = score;
            }
        }

        return scores;
    }
}
