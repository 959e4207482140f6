using System.Security.Cryptography;
using VehicleImages.Domain.Colours;
using VehicleImages.Domain.Images;
using VehicleImages.Domain.Quality;
using VehicleImages.Domain.Renditions;
using VehicleImages.Domain.Vehicles;

namespace VehicleImages.Testing;

/// <summary>Catalog records with every field set, for storage tests that need no real pixels.</summary>
public static class SampleImages
{
    public static VehicleConfiguration Configuration(string make = "Jaguar", string model = "F-PACE", string? trim = "S", int from = 2019, int to = 2019) =>
        new(make, model, trim, "SUV", new YearRange(from, to));

    /// <summary>An image whose content hash comes from <paramref name="seed"/>, so distinct seeds give distinct images.</summary>
    public static VehicleImage Image(VehicleConfiguration configuration, string seed, View view = View.FrontLeft, QualityVerdict? quality = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var hash = ContentHash.Of(System.Text.Encoding.UTF8.GetBytes(seed));
        return new VehicleImage
        {
            Id = hash.ImageId,
            Hash = hash,
            ConfigurationId = configuration.Id,
            View = view,
            PhotoType = ViewNames.PhotoTypeOf(view),
            ColourName = "Glacier White",
            Colour = GenericColour.White,
            Source = ImageSource.Retail,
            Provenance = "test fixture",
            Vin = "SADCM2FV6KA360455",
            Sequence = 3,
            Registration = "AB12 CDE",
            License = License.ShareCommercially,
            LicenseNote = "CC-BY-ND-4.0",
            Attribution = "Test Photographer",
            ContextLink = "https://example.com/listing/1",
            DatePublished = new DateOnly(2024, 5, 17),
            Format = ImageFormat.Jpeg,
            Width = 1918,
            Height = 1280,
            ByteSize = 123_456,
            HasAlpha = false,
            AccentColour = "C0FFEE",
            PerceptualHash = BitConverter.ToUInt64(SHA256.HashData(hash.ImageId.ToString().Select(c => (byte)c).ToArray())),
            Quality = quality ?? QualityVerdict.Good,
            Renditions =
            [
                new StoredRendition(new RenditionSpec(RenditionSize.Thumbnail, Background.Opaque, ImageFormat.Jpeg), 150, 100, 4_321),
                new StoredRendition(new RenditionSpec(RenditionSize.Large, Background.Opaque, ImageFormat.Jpeg), 1280, 854, 98_765),
            ],
            IngestedAt = new DateTimeOffset(2026, 11, 21, 10, 0, 0, TimeSpan.Zero),
        };
    }
}
