namespace VehicleImages.Api.Tests.OneAuto;

/// <summary>The fixture library on a server that renders one image at a time and queues none, so a test can fill it.</summary>
public sealed class SaturatedLibraryFixture : LibraryFixture
{
    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?>
    {
        ["Media:MaxConcurrentRenders"] = "1",
        ["Media:MaxQueuedRenders"] = "0",
    };
}
