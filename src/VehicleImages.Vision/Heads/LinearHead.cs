using System.Text.Json.Serialization;

namespace VehicleImages.Vision.Heads;

/// <summary>
/// A multinomial logistic regression over standardized features: the trained part of every decision. Small
/// enough to ship as JSON in the assembly and to read by eye.
/// </summary>
public sealed class LinearHead
{
    [JsonConstructor]
    public LinearHead(IReadOnlyList<string> classes, float[] mean, float[] scale, float[][] weights, float[] bias)
    {
        ArgumentNullException.ThrowIfNull(classes);
        ArgumentNullException.ThrowIfNull(mean);
        ArgumentNullException.ThrowIfNull(scale);
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(bias);
        if (weights.Length != classes.Count || bias.Length != classes.Count || scale.Length != mean.Length
            || weights.Any(row => row.Length != mean.Length))
        {
            throw new ArgumentException("The head's classes, weights, bias and feature statistics do not agree in size.");
        }

        Classes = classes;
        Mean = mean;
        Scale = scale;
        Weights = weights;
        Bias = bias;
    }

    public IReadOnlyList<string> Classes { get; }

    public float[] Mean { get; }

    public float[] Scale { get; }

    public float[][] Weights { get; }

    public float[] Bias { get; }

    [JsonIgnore]
    public int Features => Mean.Length;

    /// <summary>The probability of each class, in <see cref="Classes"/> order.</summary>
    public double[] Probabilities(ReadOnlySpan<float> features)
    {
        if (features.Length != Features)
        {
            throw new ArgumentException($"The head reads {Features} features, not {features.Length}.", nameof(features));
        }

        var standardized = new float[Features];
        for (var i = 0; i < Features; i++)
        {
            standardized[i] = (features[i] - Mean[i]) * Scale[i];
        }

        var logits = new double[Classes.Count];
        for (var k = 0; k < logits.Length; k++)
        {
            logits[k] = Bias[k] + System.Numerics.Tensors.TensorPrimitives.Dot(Weights[k], standardized);
        }

        return Softmax(logits);
    }

    internal static double[] Softmax(double[] logits)
    {
        var max = logits.Max();
        var sum = 0d;
        var probabilities = new double[logits.Length];
        for (var k = 0; k < logits.Length; k++)
        {
            probabilities[k] = Math.Exp(logits[k] - max);
            sum += probabilities[k];
        }

        for (var k = 0; k < probabilities.Length; k++)
        {
            probabilities[k] /= sum;
        }

        return probabilities;
    }
}
