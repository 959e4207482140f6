using VehicleImages.Domain.Colours;
using VehicleImages.Domain.Images;

namespace VehicleImages.Domain.Vision;

/// <summary>
/// What the vision stage saw in one image, with the score of each answer and the models that gave it. Stored
/// beside the labels, whether or not a prediction was used: a curator compares the two.
/// </summary>
/// <param name="Models">The backbone and heads that made it, e.g. "resnet18-e2552f19db2d+heads-3f9a…".</param>
/// <param name="Content">The most likely content class.</param>
/// <param name="VehiclePhotoScore">Probability that this is a photo of a real vehicle (exterior, interior or engine).</param>
/// <param name="ContentScores">Probability of every class, summing to 1.</param>
/// <param name="View">The most likely exterior view, or interior/engine; unknown when the image is none of them.</param>
/// <param name="ViewScore">Probability of <paramref name="View"/>.</param>
/// <param name="Colour">The body colour measured on the car; null when no car or no colour could be measured.</param>
/// <param name="ColourHex">The measured body colour as six hex digits, no '#'.</param>
/// <param name="ColourScore">Share of the car's measured pixels that agree with <paramref name="Colour"/>.</param>
public sealed record VisionPrediction(
    string Models,
    ContentClass Content,
    double VehiclePhotoScore,
    IReadOnlyDictionary<ContentClass, double> ContentScores,
    View View,
    double ViewScore,
    GenericColour? Colour,
    string? ColourHex,
    double ColourScore);
