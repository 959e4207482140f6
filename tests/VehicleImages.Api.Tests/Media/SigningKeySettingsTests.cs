using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using VehicleImages.Api.Hosting;
using VehicleImages.Application.Media;

namespace VehicleImages.Api.Tests.Media;

/// <summary>Signing-key settings that cannot work stop the start, with a message naming the setting.</summary>
public sealed class SigningKeySettingsTests
{
    // Derived, not random: theory data is written down when tests are discovered and read back when they run.
    private static readonly string Key = Convert.ToBase64String(SHA256.HashData("in use"u8));
    private static readonly string OtherKey = Convert.ToBase64String(SHA256.HashData("retired"u8));

    public static TheoryData<string, string, string> Wrong => new()
    {
        { "Media:SigningKeys:1", "not base64!", "Media:SigningKeys:1 must be a base64 string" },
        { "Media:SigningKeys:1", Convert.ToBase64String(new byte[16]), "Media:SigningKeys:1 must be a base64 string of 32 bytes" },
        { "Media:RetiredSigningKeys:0:Key", "c2hvcnQ=", "Media:RetiredSigningKeys:0:Key must be a base64 string" },
        { "Media:RetiredSigningKeys:0:RetiredAt", "", "Media:RetiredSigningKeys:0:RetiredAt is missing" },
        { "Media:RetiredSigningKeys:0:Key", Key, "Media:RetiredSigningKeys:0:Key is also listed in Media:SigningKeys" },
        { "Media:PermanentLinkGracePeriod", "-1.00:00:00", "Media:PermanentLinkGracePeriod must be between 0" },
        { "Media:LinkLifetime", "00:00:00", "Media:LinkLifetime must be more than 0" },
    };

    [Theory]
    [MemberData(nameof(Wrong))]
    public void A_setting_that_cannot_work_is_named_at_start(string setting, string value, string message)
    {
        using var data = new TempDirectory("vi-keys");
        var settings = new Dictionary<string, string?>
        {
            ["Media:SigningKeys:0"] = Key,
            ["Media:RetiredSigningKeys:0:Key"] = OtherKey,
            ["Media:RetiredSigningKeys:0:RetiredAt"] = "2026-12-01T00:00:00Z",
            [setting] = value,
        };

        var error = Assert.Throws<InvalidOperationException>(() => SigningKeys.Load(Options(settings), data.Path));

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Keys_in_use_come_first_and_retired_ones_carry_their_retirement()
    {
        using var data = new TempDirectory("vi-keys");
        var settings = new Dictionary<string, string?>
        {
            ["Media:SigningKeys:0"] = Key,
            ["Media:RetiredSigningKeys:0:Key"] = OtherKey,
            ["Media:RetiredSigningKeys:0:RetiredAt"] = "2026-12-01T00:00:00Z",
        };

        var keys = SigningKeys.Load(Options(settings), data.Path);

        Assert.Equal([Convert.FromBase64String(Key), Convert.FromBase64String(OtherKey)], keys.Select(k => k.Secret));
        Assert.Equal([null, DateTimeOffset.Parse("2026-12-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture)], keys.Select(k => k.RetiredAt));
    }

    private static MediaOptions Options(Dictionary<string, string?> settings) =>
        LibraryServices.Bind<MediaOptions>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), MediaOptions.Section);
}
