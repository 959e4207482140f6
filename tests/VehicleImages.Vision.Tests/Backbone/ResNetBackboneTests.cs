using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using VehicleImages.Imaging;
using VehicleImages.Vision;
using VehicleImages.Vision.Backbone;

namespace VehicleImages.Vision.Tests.Backbone;

public sealed class ResNetBackboneTests
{
    private static readonly string Models = ImageVision.DefaultModelDirectory;

    [Fact]
    public void The_exposed_feature_map_averages_to_the_packaged_models_own_pooled_output()
    {
        Corpus.Require();
        var square = BackboneInput.Square(Decode(Corpus.Bytes("carvana/0ce66b539f52_01.jpg")));
        using var backbone = new ResNetBackbone(Models, threadsPerInference: 1);
        var pooled = backbone.Run(square).Pooled();

        // The unmodified model, its own global pool: what the graph edit must not change.
        using var preprocess = new InferenceSession(Path.Combine(Models, ResNetBackbone.PreprocessFile));
        using var model = new InferenceSession(Path.Combine(Models, ResNetBackbone.ModelFile));
        var input = new DenseTensor<float>([1, 3, ResNetBackbone.InputSize, ResNetBackbone.InputSize]);
        for (var i = 0; i < ResNetBackbone.InputSize * ResNetBackbone.InputSize; i++)
        {
            for (var band = 0; band < 3; band++)
            {
                input.Buffer.Span[(band * ResNetBackbone.InputSize * ResNetBackbone.InputSize) + i] = square.Data[(i * 3) + band];
            }
        }

        using var prepared = preprocess.Run([NamedOnnxValue.CreateFromTensor(preprocess.InputMetadata.Keys.Single(), input)]);
        using var output = model.Run([NamedOnnxValue.CreateFromTensor(model.InputMetadata.Keys.Single(), prepared[0].AsTensor<float>())]);
        var reference = output[0].AsTensor<float>().ToArray();

        Assert.Equal(reference.Length, pooled.Length);
        Assert.All(Enumerable.Range(0, pooled.Length), i => Assert.Equal(reference[i], pooled[i], 3));
        Assert.Contains(pooled, value => value > 0.1f);
    }

    [Fact]
    public void A_model_file_that_is_not_the_pinned_one_is_refused_with_its_path()
    {
        var folder = Directory.CreateTempSubdirectory("vision-models-").FullName;
        try
        {
            File.Copy(Path.Combine(Models, ResNetBackbone.PreprocessFile), Path.Combine(folder, ResNetBackbone.PreprocessFile));
            var tampered = File.ReadAllBytes(Path.Combine(Models, ResNetBackbone.ModelFile));
            tampered[tampered.Length / 2] ^= 1;
            File.WriteAllBytes(Path.Combine(folder, ResNetBackbone.ModelFile), tampered);

            var refusal = Assert.Throws<InvalidDataException>(() => new ResNetBackbone(folder, threadsPerInference: 1));
            Assert.Contains(Path.Combine(folder, ResNetBackbone.ModelFile), refusal.Message, StringComparison.Ordinal);
            Assert.Contains("SHA-256", refusal.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_missing_model_file_is_named_with_the_package_it_comes_from()
    {
        var folder = Directory.CreateTempSubdirectory("vision-models-").FullName;
        try
        {
            var missing = Assert.Throws<FileNotFoundException>(() => new ResNetBackbone(folder, threadsPerInference: 1));
            Assert.Contains("Microsoft.ML.DnnImageFeaturizer.ResNet18", missing.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static PixelBuffer Decode(byte[] bytes) => new ImageProcessor(new ImagingOptions()).Decode(bytes, 640).Pixels();
}
