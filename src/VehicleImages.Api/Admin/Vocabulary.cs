using VehicleImages.Domain.Colours;
using VehicleImages.Domain.Images;

namespace VehicleImages.Api.Admin;

/// <summary>The values the admin API reads and writes for each label, in the order pickers list them.</summary>
public sealed record VocabularyAnswer(
    IReadOnlyList<string> Views, IReadOnlyList<string> PhotoTypes, IReadOnlyList<string> Colours, IReadOnlyList<string> Licences,
    IReadOnlyList<string> Sources, IReadOnlyList<string> Quality);

/// <summary>The label vocabularies, from the domain's own lists, so the UI never keeps a copy that can drift.</summary>
internal static class Vocabulary
{
    public static readonly IReadOnlyList<string> Views = [.. Enum.GetValues<View>().Select(ViewNames.Name).Distinct()];

    public static VocabularyAnswer Answer { get; } = new(
        Views,
        [.. Enum.GetNames<PhotoType>().Select(n => n.ToLowerInvariant())],
        [.. Enum.GetValues<GenericColour>().Select(GenericColours.Name)],
        Enum.GetNames<License>(),
        [.. Enum.GetNames<ImageSource>().Select(n => n.ToLowerInvariant())],
        LibraryQuery.QualityValues);
}
