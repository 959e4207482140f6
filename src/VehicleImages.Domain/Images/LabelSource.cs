namespace VehicleImages.Domain.Images;

/// <summary>Where a label's value came from; a given or curated label always wins over a prediction.</summary>
public enum LabelSource
{
    /// <summary>No one said: the field holds its empty value, or a measurement (the quality verdict).</summary>
    None = 0,

    /// <summary>The ingested row, its VIN or the command line's defaults.</summary>
    Given = 1,

    /// <summary>The vision stage filled it; see <see cref="VehicleImage.Vision"/> for its score.</summary>
    Predicted = 2,

    /// <summary>A curator set or confirmed it in the admin UI or API.</summary>
    Curator = 3,
}

/// <summary>Where the view, photo type, colour and quality verdict of one image came from.</summary>
public sealed record LabelOrigins(
    LabelSource View = LabelSource.None,
    LabelSource PhotoType = LabelSource.None,
    LabelSource Colour = LabelSource.None,
    LabelSource Verdict = LabelSource.None)
{
    public static LabelOrigins Unknown { get; } = new();

    /// <summary>The labels vision filled: "view", "photo_type", "colour".</summary>
    public IEnumerable<string> Predicted()
    {
        if (View == LabelSource.Predicted)
        {
            yield return "view";
        }

        if (PhotoType == LabelSource.Predicted)
        {
            yield return "photo_type";
        }

        if (Colour == LabelSource.Predicted)
        {
            yield return "colour";
        }
    }
}
