using System.Security.Cryptography;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using VehicleImages.Imaging;

namespace VehicleImages.Vision.Backbone;

/// <summary>
/// ResNet18 (ImageNet weights, from the Microsoft.ML.DnnImageFeaturizer.ResNet18 package) with the package's own
/// preprocessing model in front. Loaded once; each file is checked against its pinned SHA-256 first, so a
/// different or damaged model never runs under the heads trained for this one. Thread-safe.
/// </summary>
public sealed class ResNetBackbone : IDisposable
{
    public const int InputSize = 224;
    public const string PreprocessFile = "ResNetPreprocess.onnx";
    public const string ModelFile = "ResNet18.onnx";

    private const string PreprocessSha256 = "84bf8def78d0befaa3f6e73745d57d7016c6a192ead76f79686bd438c1047004";
    private const string ModelSha256 = "e2552f19db2dfdb01b3669537b6a0f1b44da38d18279535492ed5dfc2ef1ff8f";
    private const string FeatureMapTensor = "ReLU393_Output_0";

    private readonly InferenceSession _preprocess;
    private readonly InferenceSession _model;
    private readonly string _preprocessInput;
    private readonly string _modelInput;

    public ResNetBackbone(string modelDirectory, int threadsPerInference)
    {
        using var options = new SessionOptions
        {
            IntraOpNumThreads = threadsPerInference,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        _preprocess = new InferenceSession(ReadVerified(modelDirectory, PreprocessFile, PreprocessSha256), options);
        var model = OnnxGraphOutputs.WithFloatOutput(
            ReadVerified(modelDirectory, ModelFile, ModelSha256), FeatureMapTensor, [1, FeatureMap.Channels, FeatureMap.Size, FeatureMap.Size]);
        _model = new InferenceSession(model, options);
        _preprocessInput = _preprocess.InputMetadata.Keys.Single();
        _modelInput = _model.InputMetadata.Keys.Single();
    }

    /// <summary>The model's name and the digest of its weights: stored with every prediction made from it.</summary>
    public static string Version => $"resnet18-{ModelSha256[..12]}";

    /// <summary>The feature map of an RGB image already resized to <see cref="InputSize"/> square.</summary>
    public FeatureMap Run(PixelBuffer rgb)
    {
        ArgumentNullException.ThrowIfNull(rgb);
        if (rgb.Width != InputSize || rgb.Height != InputSize || rgb.Bands != 3)
        {
            throw new ArgumentException($"The backbone takes {InputSize}×{InputSize} RGB, not {rgb.Width}×{rgb.Height}×{rgb.Bands}.", nameof(rgb));
        }

        var input = new DenseTensor<float>([1, 3, InputSize, InputSize]);
        var planes = input.Buffer.Span;
        var data = rgb.Data;
        const int plane = InputSize * InputSize;
        for (var i = 0; i < plane; i++)
        {
            planes[i] = data[i * 3];
            planes[plane + i] = data[(i * 3) + 1];
            planes[(2 * plane) + i] = data[(i * 3) + 2];
        }

        using var prepared = _preprocess.Run([NamedOnnxValue.CreateFromTensor(_preprocessInput, input)]);
        var tensor = prepared[0].AsTensor<float>();
        using var outputs = _model.Run([NamedOnnxValue.CreateFromTensor(_modelInput, tensor)], [FeatureMapTensor]);
        return new FeatureMap(outputs[0].AsTensor<float>().ToArray());
    }

    public void Dispose()
    {
        _preprocess.Dispose();
        _model.Dispose();
    }

    private static byte[] ReadVerified(string directory, string file, string sha256)
    {
        var path = Path.Combine(directory, file);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The vision model {path} is missing: it comes from the Microsoft.ML.DnnImageFeaturizer.ResNet18 package at build time.", path);
        }

        var bytes = File.ReadAllBytes(path);
        var actual = Convert.ToHexStringLower(SHA256.HashData(bytes));
        return actual == sha256
            ? bytes
            : throw new InvalidDataException($"The vision model {path} has SHA-256 {actual}, not the pinned {sha256}: refusing to run heads trained for another model.");
    }
}
