using System.Numerics.Tensors;
using VehicleImages.Vision.Heads;

namespace VehicleImages.Vision.Training;

/// <summary>One labelled example: its features, its class index and how much it counts.</summary>
public sealed record TrainingExample(float[] Features, int Label, float Weight = 1);

/// <summary>
/// Fits a <see cref="LinearHead"/> by full-batch gradient descent (Adam) on the weighted cross-entropy with an L2
/// penalty. A few thousand examples of a few thousand features fit in seconds, so no sampling or early stopping
/// is needed, and the same data always gives the same head.
/// </summary>
public static class SoftmaxTrainer
{
    public static LinearHead Fit(IReadOnlyList<TrainingExample> examples, IReadOnlyList<string> classes, double l2 = 1e-3, int iterations = 300, double learningRate = 0.01)
    {
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentNullException.ThrowIfNull(classes);
        if (examples.Count == 0)
        {
            throw new ArgumentException("No examples to train on.", nameof(examples));
        }

        var dimensions = examples[0].Features.Length;
        var (mean, scale) = Statistics(examples, dimensions);
        var inputs = examples.Select(example => Standardize(example.Features, mean, scale)).ToArray();
        var totalWeight = examples.Sum(example => (double)example.Weight);
        var k = classes.Count;
        var weights = new float[k][];
        var moments = new (float[] First, float[] Second)[k];
        for (var c = 0; c < k; c++)
        {
            weights[c] = new float[dimensions];
            moments[c] = (new float[dimensions], new float[dimensions]);
        }

        var bias = new double[k];
        var biasMoments = new (double First, double Second)[k];
        var gradients = Enumerable.Range(0, k).Select(_ => new float[dimensions]).ToArray();
        var logits = new double[k];
        const double Beta1 = 0.9, Beta2 = 0.999, Epsilon = 1e-8;
        for (var step = 1; step <= iterations; step++)
        {
            foreach (var gradient in gradients)
            {
                Array.Clear(gradient);
            }

            var biasGradient = new double[k];
            for (var n = 0; n < inputs.Length; n++)
            {
                for (var c = 0; c < k; c++)
                {
                    logits[c] = bias[c] + TensorPrimitives.Dot(weights[c], inputs[n]);
                }

                var probabilities = LinearHead.Softmax(logits);
                var weight = examples[n].Weight / totalWeight;
                for (var c = 0; c < k; c++)
                {
                    var error = (float)((probabilities[c] - (c == examples[n].Label ? 1 : 0)) * weight);
                    if (error != 0)
                    {
                        TensorPrimitives.MultiplyAdd(inputs[n], error, gradients[c], gradients[c]);
                        biasGradient[c] += error;
                    }
                }
            }

            var correction1 = 1 - Math.Pow(Beta1, step);
            var correction2 = 1 - Math.Pow(Beta2, step);
            for (var c = 0; c < k; c++)
            {
                var (first, second) = moments[c];
                var w = weights[c];
                var g = gradients[c];
                for (var i = 0; i < dimensions; i++)
                {
                    var gradient = g[i] + (float)(l2 * w[i]);
                    first[i] = (float)((Beta1 * first[i]) + ((1 - Beta1) * gradient));
                    second[i] = (float)((Beta2 * second[i]) + ((1 - Beta2) * gradient * gradient));
                    w[i] -= (float)(learningRate * (first[i] / correction1) / (Math.Sqrt(second[i] / correction2) + Epsilon));
                }

                var (bFirst, bSecond) = biasMoments[c];
                bFirst = (Beta1 * bFirst) + ((1 - Beta1) * biasGradient[c]);
                bSecond = (Beta2 * bSecond) + ((1 - Beta2) * biasGradient[c] * biasGradient[c]);
                biasMoments[c] = (bFirst, bSecond);
                bias[c] -= learningRate * (bFirst / correction1) / (Math.Sqrt(bSecond / correction2) + Epsilon);
            }
        }

        return new LinearHead(classes, mean, scale, weights, [.. bias.Select(b => (float)b)]);
    }

    private static (float[] Mean, float[] Scale) Statistics(IReadOnlyList<TrainingExample> examples, int dimensions)
    {
        var mean = new double[dimensions];
        var square = new double[dimensions];
        foreach (var example in examples)
        {
            for (var i = 0; i < dimensions; i++)
            {
                mean[i] += example.Features[i];
                square[i] += (double)example.Features[i] * example.Features[i];
            }
        }

        var means = new float[dimensions];
        var scales = new float[dimensions];
        for (var i = 0; i < dimensions; i++)
        {
            var m = mean[i] / examples.Count;
            var variance = Math.Max(0, (square[i] / examples.Count) - (m * m));
            means[i] = (float)m;
            // A feature that never varies in training carries nothing: scaled to zero rather than blown up.
            scales[i] = variance > 1e-12 ? (float)(1 / Math.Sqrt(variance)) : 0;
        }

        return (means, scales);
    }

    private static float[] Standardize(float[] features, float[] mean, float[] scale)
    {
        var result = new float[features.Length];
        for (var i = 0; i < features.Length; i++)
        {
            result[i] = (features[i] - mean[i]) * scale[i];
        }

        return result;
    }
}
