using System.Security.Cryptography;
using VehicleImages.Application.Media;

namespace VehicleImages.Application.Tests.Media;

public sealed class LinkSignerTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);
    private static readonly long Expires = Now.AddDays(7).ToUnixTimeSeconds();
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);

    [Fact]
    public void A_signed_link_verifies_again_and_again_until_it_expires()
    {
        var signer = new LinkSigner([_key]);
        var signature = signer.Sign("/media/a/small-opaque.jpg", Expires);

        Assert.True(signer.Verify("/media/a/small-opaque.jpg", Expires, signature, Now));
        Assert.True(signer.Verify("/media/a/small-opaque.jpg", Expires, signature, Now));
        Assert.False(signer.Verify("/media/a/small-opaque.jpg", Expires, signature, DateTimeOffset.FromUnixTimeSeconds(Expires + 1)));
    }

    [Fact]
    public void A_verified_signature_does_not_vouch_for_another_path_or_expiry()
    {
        var signer = new LinkSigner([_key]);
        var signature = signer.Sign("/media/a/small-opaque.jpg", Expires);
        Assert.True(signer.Verify("/media/a/small-opaque.jpg", Expires, signature, Now));

        Assert.False(signer.Verify("/media/b/small-opaque.jpg", Expires, signature, Now));
        Assert.False(signer.Verify("/media/a/small-opaque.jpg", Expires + 86_400, signature, Now));
    }

    [Fact]
    public void A_link_signed_with_an_older_key_verifies_while_that_key_is_listed()
    {
        var older = RandomNumberGenerator.GetBytes(32);
        var signature = new LinkSigner([older]).Sign("/media/a/original.jpg", Expires);

        Assert.True(new LinkSigner([_key, older]).Verify("/media/a/original.jpg", Expires, signature, Now));
        Assert.False(new LinkSigner([_key]).Verify("/media/a/original.jpg", Expires, signature, Now));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("short")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("!!!!!!!!!!!!!!!!!!!!!!")]
    public void A_missing_malformed_or_forged_signature_is_refused(string? signature) =>
        Assert.False(new LinkSigner([_key]).Verify("/media/a/small-opaque.jpg", Expires, signature, Now));
}
