using VehicleImages.Domain.Images;
using VehicleImages.Domain.Vision;
using VehicleImages.Vision.Backbone;
using VehicleImages.Vision.Colour;

namespace VehicleImages.Vision.Heads;

/// <summary>Reads one image's features through the heads into a prediction.</summary>
public static class HeadReader
{
    public static VisionPrediction Read(VisionHeads heads, VisionInput input, string models)
    {
        ArgumentNullException.ThrowIfNull(heads);
        ArgumentNullException.ThrowIfNull(input);
        var probabilities = heads.Content.Probabilities(input.Map.ContentFeatures());
        var scores = new Dictionary<ContentClass, double>();
        for (var i = 0; i < probabilities.Length; i++)
        {
            if (ContentClasses.TryParse(heads.Content.Classes[i], out var content))
            {
                scores[content] = probabilities[i];
            }
        }

        var top = scores.MaxBy(entry => entry.Value).Key;
        var vehicle = scores.Where(entry => entry.Key.IsVehiclePhoto()).Sum(entry => entry.Value);
        var (view, viewScore) = top switch
        {
            ContentClass.Exterior => ExteriorView(heads.View, input.Map),
            ContentClass.Interior => (View.Interior, scores[top]),
            ContentClass.Engine => (View.Engine, scores[top]),
            _ => (View.Unknown, 0d),
        };
        var colour = top == ContentClass.Exterior ? heads.Colour.Decide(BodyColour.Measure(input.Square, CarCells(heads.CarCells, input.Map))) : null;
        return new VisionPrediction(models, top, vehicle, scores, view, viewScore, colour?.Colour, colour?.Hex, colour?.Score ?? 0);
    }

    /// <summary>The probability that each cell of the feature map is part of the car.</summary>
    public static double[,] CarCells(LinearHead cells, FeatureMap map)
    {
        ArgumentNullException.ThrowIfNull(cells);
        ArgumentNullException.ThrowIfNull(map);
        var car = IndexOf(cells, VisionHeads.CarClass);
        var grid = new double[FeatureMap.Size, FeatureMap.Size];
        for (var row = 0; row < FeatureMap.Size; row++)
        {
            for (var column = 0; column < FeatureMap.Size; column++)
            {
                grid[row, column] = cells.Probabilities(map.Cell(row, column))[car];
            }
        }

        return grid;
    }

    private static (View View, double Score) ExteriorView(LinearHead head, FeatureMap map)
    {
        var probabilities = head.Probabilities(map.Columns());
        var best = Array.IndexOf(probabilities, probabilities.Max());
        return ViewNames.TryParse(head.Classes[best], out var view) ? (view, probabilities[best]) : (View.Unknown, 0);
    }

    private static int IndexOf(LinearHead head, string name)
    {
        for (var i = 0; i < head.Classes.Count; i++)
        {
            if (head.Classes[i] == name)
            {
                return i;
            }
        }

        throw new InvalidDataException($"The head has no class '{name}'.");
    }
}
