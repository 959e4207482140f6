namespace VehicleImages.Application.Curation;

/// <summary>
/// What a curator changes on an image, as text. Null leaves a field as it is; "" clears the colour, trim or licence.
/// </summary>
/// <param name="View">A view or CarsXE angle name: "rear", "front_left", "front three-quarter".</param>
/// <param name="Colour">A generic or OEM colour name: "Grey", "Glacier White".</param>
/// <param name="Trim">The trim; the image moves to the configuration with this trim.</param>
/// <param name="Licence">One of the five licence classes: Public, Share, ShareCommercially, Modify, ModifyCommercially.</param>
/// <param name="Verdict">"good" clears every quality issue; "bad" marks the image unfit.</param>
/// <param name="Accept">A field whose stored prediction becomes the label: "view", "colour", "photo_type", or "all" of those the prediction gives.</param>
public sealed record LabelEdit(
    string? View = null, string? Colour = null, string? Trim = null, string? Licence = null, string? Verdict = null, string? Accept = null)
{
    public bool IsEmpty => this == new LabelEdit();
}
