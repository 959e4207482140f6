using System.Security.Cryptography;
using VehicleImages.Application.Media;

namespace VehicleImages.Application.Tests.Media;

public sealed class LinkSignerTests
{
    private const string Photo = "/photos/retail/1FTEW1C52PFA86825-1.jpg";
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);
    private static readonly long Expires = Now.AddDays(7).ToUnixTimeSeconds();
    private static readonly TimeSpan LongestLife = TimeSpan.FromDays(8);
    private static readonly TimeSpan Grace = TimeSpan.FromDays(90);
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);

    [Fact]
    public void A_signed_link_verifies_again_and_again_until_it_expires()
    {
        var signer = Signer(new SigningKey(_key));
        var signature = signer.Sign("/media/a/small-opaque.jpg", Expires);

        Assert.True(signer.Verify("/media/a/small-opaque.jpg", Expires, signature, Now));
        Assert.True(signer.Verify("/media/a/small-opaque.jpg", Expires, signature, Now));
        Assert.False(signer.Verify("/media/a/small-opaque.jpg", Expires, signature, DateTimeOffset.FromUnixTimeSeconds(Expires + 1)));
    }

    [Fact]
    public void A_verified_signature_does_not_vouch_for_another_path_or_expiry()
    {
        var signer = Signer(new SigningKey(_key));
        var signature = signer.Sign("/media/a/small-opaque.jpg", Expires);
        Assert.True(signer.Verify("/media/a/small-opaque.jpg", Expires, signature, Now));

        Assert.False(signer.Verify("/media/b/small-opaque.jpg", Expires, signature, Now));
        Assert.False(signer.Verify("/media/a/small-opaque.jpg", Expires + 86_400, signature, Now));
    }

    [Fact]
    public void A_link_signed_with_an_older_key_verifies_while_that_key_is_listed()
    {
        var older = RandomNumberGenerator.GetBytes(32);
        var signature = Signer(new SigningKey(older)).Sign("/media/a/original.jpg", Expires);

        Assert.True(Signer(new SigningKey(_key), new SigningKey(older)).Verify("/media/a/original.jpg", Expires, signature, Now));
        Assert.False(Signer(new SigningKey(_key)).Verify("/media/a/original.jpg", Expires, signature, Now));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("short")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("!!!!!!!!!!!!!!!!!!!!!!")]
    public void A_missing_malformed_or_forged_signature_is_refused(string? signature) =>
        Assert.False(Signer(new SigningKey(_key)).Verify("/media/a/small-opaque.jpg", Expires, signature, Now));

    [Fact]
    public void A_permanent_link_verifies_years_later_while_its_key_is_in_use()
    {
        var signer = Signer(new SigningKey(_key));
        var signature = signer.SignPermanent(Photo);

        Assert.True(signer.VerifyPermanent(Photo, signature, Now.AddYears(10)));
        Assert.False(signer.VerifyPermanent(Photo.Replace("-1.jpg", "-2.jpg", StringComparison.Ordinal), signature, Now));
    }

    [Fact]
    public void A_signature_of_one_kind_never_verifies_as_the_other()
    {
        var signer = Signer(new SigningKey(_key));

        Assert.False(signer.VerifyPermanent(Photo, signer.Sign(Photo, Expires), Now));
        Assert.False(signer.Verify(Photo, Expires, signer.SignPermanent(Photo), Now));
    }

    [Fact]
    public void A_retired_key_vouches_for_its_permanent_links_until_the_grace_period_ends()
    {
        var old = new SigningKey(_key);
        var signature = Signer(old).SignPermanent(Photo);
        var rotated = Signer(new SigningKey(RandomNumberGenerator.GetBytes(32)), old with { RetiredAt = Now });

        Assert.True(rotated.VerifyPermanent(Photo, signature, Now + Grace));
        Assert.False(rotated.VerifyPermanent(Photo, signature, Now + Grace + TimeSpan.FromSeconds(1)));
        Assert.True(rotated.VerifyPermanent(Photo, signature, Now + Grace - TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public void A_retired_key_vouches_only_for_expiring_links_it_could_have_signed_before_it_retired()
    {
        var old = new SigningKey(_key);
        var latest = (Now + LongestLife).ToUnixTimeSeconds();
        var rotated = Signer(new SigningKey(RandomNumberGenerator.GetBytes(32)), old with { RetiredAt = Now });

        Assert.True(rotated.Verify("/media/a/original", latest, Signer(old).Sign("/media/a/original", latest), Now.AddDays(1)));
        Assert.False(rotated.Verify("/media/a/original", latest + 1, Signer(old).Sign("/media/a/original", latest + 1), Now.AddDays(1)));
    }

    [Fact]
    public void Only_a_key_in_use_signs()
    {
        var fresh = RandomNumberGenerator.GetBytes(32);
        var signer = Signer(new SigningKey(_key, Now), new SigningKey(fresh));

        Assert.True(Signer(new SigningKey(fresh)).VerifyPermanent(Photo, signer.SignPermanent(Photo), Now));
        Assert.Throws<ArgumentException>(() => Signer(new SigningKey(_key, Now)));
    }

    [Theory]
    [InlineData("spare bits set in the last character")]
    [InlineData("+ and / instead of - and _")]
    [InlineData("padding")]
    [InlineData("a space inside")]
    public void Only_the_one_spelling_of_a_signature_verifies(string spelling)
    {
        var signer = Signer(new SigningKey(_key));
        var (path, signature) = SignatureWithBothUrlCharacters(signer);
        var respelled = spelling switch
        {
            "spare bits set in the last character" => signature[..^1] + (char)(signature[^1] + 1),
            "+ and / instead of - and _" => signature.Replace('-', '+').Replace('_', '/'),
            "padding" => signature + "==",
            _ => signature[..10] + " " + signature[10..],
        };

        Assert.True(signer.VerifyPermanent(path, signature, Now));
        Assert.NotEqual(signature, respelled);
        Assert.False(signer.VerifyPermanent(path, respelled, Now));
    }

    private static LinkSigner Signer(params SigningKey[] keys) => new(keys, LongestLife, Grace);

    // A link whose signature has spare bits to set in its last character and both '-' and '_' in it, found by
    // signing numbered paths, so that each re-spelling changes it.
    private static (string Path, string Signature) SignatureWithBothUrlCharacters(LinkSigner signer) =>
        Enumerable.Range(1, 10_000).Select(n => $"/photos/retail/1FTEW1C52PFA86825-{n}.jpg").Select(path => (path, signer.SignPermanent(path)))
            .First(link => link.Item2.Contains('-', StringComparison.Ordinal) && link.Item2.Contains('_', StringComparison.Ordinal) && link.Item2[^1] is 'A' or 'Q' or 'g');
}
