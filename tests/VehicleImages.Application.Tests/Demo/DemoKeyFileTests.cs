using VehicleImages.Application.Demo;

namespace VehicleImages.Application.Tests.Demo;

/// <summary>Earlier versions kept the demo key's secret in plain text in the data folder; a start deletes it.</summary>
public sealed class DemoKeyFileTests : IDisposable
{
    private readonly TempDirectory _data = new("vi-demo-key");

    public void Dispose() => _data.Dispose();

    [Fact]
    public void The_plain_text_demo_key_an_earlier_version_left_is_deleted_once()
    {
        File.WriteAllText(_data.Combine("demo-key"), "vik_0123456789abcdefghijklmnopqrstuv\n");

        Assert.True(DemoSeeder.DeleteLegacyKeyFile(_data.Path));
        Assert.False(File.Exists(_data.Combine("demo-key")));
        Assert.False(DemoSeeder.DeleteLegacyKeyFile(_data.Path));
    }
}
