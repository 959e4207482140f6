using System.Collections.Frozen;
using VehicleImages.Application.Demo.Vehicles;
using VehicleImages.Application.Demo.Vehicles.Styles;
using VehicleImages.Domain.Images;
using VehicleImages.Imaging;

namespace VehicleImages.Application.Demo;

/// <summary>A small library of vehicle pictures the project draws itself, for a first start with an empty data folder.</summary>
/// <remarks>
/// Four vehicles in two or three colours each, from all eight exterior sides, two of them also as transparent
/// cut-outs; no photo is shipped or copied. The output is the same, byte for byte, on every run, so ingesting it
/// again finds only duplicates.
/// </remarks>
public static class DemoLibrary
{
    /// <summary>The manifest's file name in the folder <see cref="WriteAsync"/> fills.</summary>
    public const string ManifestFileName = "manifest.csv";

    /// <summary>Width of every picture, in pixels.</summary>
    public const int Width = 1200;

    /// <summary>Height of every picture, in pixels.</summary>
    public const int Height = 800;

    // The eight exterior views, in OneAuto's order.
    private static readonly View[] Views =
        [View.Front, View.FrontRight, View.Right, View.RearRight, View.Rear, View.RearLeft, View.Left, View.FrontLeft];

    private static readonly Lazy<FrozenDictionary<BodyStyle, VehicleModel>> Models = new(() =>
        Enum.GetValues<BodyStyle>().ToFrozenDictionary(style => style, style => BodyBuilder.Build(BodyShapes.For(style))));

    /// <summary>
    /// Draws every picture into <paramref name="folder"/> (created if missing), then writes the manifest.csv that
    /// labels them, last, so a folder with a manifest is complete; returns the manifest's path, ready for ingest.
    /// </summary>
    public static async Task<string> WriteAsync(string folder, ImageProcessor imaging, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        ArgumentNullException.ThrowIfNull(imaging);
        Directory.CreateDirectory(folder);
        var pictures = Pictures();

        // Each picture is drawn and encoded on its own core; the bytes depend only on the picture, never on timing.
        await Parallel.ForEachAsync(pictures, cancellationToken, async (picture, token) =>
        {
            var encoded = imaging.Encode(Draw(picture), picture.Format);
            await File.WriteAllBytesAsync(Path.Combine(folder, picture.FileName), encoded.Bytes, token);
        });

        var manifest = Path.Combine(folder, ManifestFileName);
        await File.WriteAllTextAsync(manifest, DemoManifest.Write(pictures), cancellationToken);
        return manifest;
    }

    /// <summary>Every picture, in manifest order: vehicle by vehicle, colour by colour, the eight views, then the cut-outs.</summary>
    internal static IReadOnlyList<DemoPicture> Pictures() =>
    [
        .. DemoCatalogue.Vehicles.SelectMany(vehicle =>
            vehicle.Colours.SelectMany(colour => Views.Select(view => new DemoPicture(vehicle, colour, view, Transparent: false)))
                .Concat(vehicle.TransparentColours.SelectMany(colour => Views.Select(view => new DemoPicture(vehicle, colour, view, Transparent: true))))),
    ];

    private static PixelBuffer Draw(DemoPicture picture) =>
        VehicleRenderer.Render(Models.Value[picture.Vehicle.Style], picture.Colour.Paint, picture.View, picture.Transparent, Width, Height);
}
