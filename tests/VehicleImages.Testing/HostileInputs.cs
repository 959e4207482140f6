using System.Globalization;
using System.Text;

namespace VehicleImages.Testing;

/// <summary>One row of a hostile batch: what the manifest names, and the README's answer (a rejection reason, or null for ingested).</summary>
public sealed record HostileInput(string Name, string Location, string? ExpectedReason);

/// <summary>
/// Every kind of hostile input the service promises to turn away, with the reason the README gives, written as a
/// folder of files and a manifest naming them, so the CLI ingest and the admin upload can be put through the same
/// batch. Good photos ride along: the rest of a batch goes on.
/// </summary>
public static class HostileInputs
{
    /// <summary>The manifest's header; every row is labelled, so only the file can be wrong.</summary>
    private const string Header = "file,make,model,year\n";

    /// <summary>
    /// Writes every input's file into <paramref name="folder"/> and returns the rows; <paramref name="withServerPaths"/>
    /// adds rows naming paths on the server (a device), which only the CLI may read; <paramref name="redirectToFile"/>,
    /// a URL on an allowed host that redirects to a <c>file:</c> URL, adds that row.
    /// </summary>
    public static async Task<IReadOnlyList<HostileInput>> WriteAsync(string folder, bool withServerPaths, string redirectToFile, CancellationToken cancellationToken)
    {
        Corpus.Require();
        var files = new (string Name, byte[] Bytes, string? Reason)[]
        {
            ("good-1.jpg", Corpus.Bytes("stanford/00001.jpg"), null),
            ("bomb.png", HostileFiles.PngBomb(20_000, 20_000), "too_many_pixels"),
            ("header-bomb.png", HostileFiles.PngWithUndecodableData(20_000, 20_000), "too_many_pixels"),
            ("truncated.jpg", Half(Corpus.Bytes("carvana/0ce66b539f52_01.jpg")), "corrupt_image"),
            ("cut-short.jpg", HostileFiles.JpegCutShort(Corpus.Bytes("stanford/00004.jpg"), 0.6), "corrupt_image"),
            ("many-scans.jpg", HostileFiles.JpegWithManyScans(4800, 3250, 20_000), "too_many_scans"),
            ("tiny-webp-bomb.webp", HostileFiles.FlatLosslessWebP(16383, 3000), "too_many_pixels"),
            ("many-frames.webp", HostileFiles.AnimatedWebP(10_000), "too_many_pages"),
            ("overlong-frame.webp", HostileFiles.AnimatedWebPWithOverlongFrame(), "corrupt_image"),
            ("many-frames.png", HostileFiles.AnimatedPng(10_000), "too_many_pages"),
            ("many-frames.gif", HostileFiles.AnimatedGif(10_000), "unsupported_format"),
            ("empty.jpg", [], "empty_file"),
            ("notes.jpg", Encoding.UTF8.GetBytes("price list\nVIN,price\n"), "not_an_image"),
            ("drawing.svg", HostileFiles.ScriptedSvg(), "unsupported_format"),
            ("good-2.jpg", Corpus.Bytes("stanford/00003.jpg"), null),
        };

        var inputs = new List<HostileInput>();
        foreach (var (name, bytes, reason) in files)
        {
            await File.WriteAllBytesAsync(Path.Combine(folder, name), bytes, cancellationToken);
            inputs.Add(new HostileInput(name, name, reason));
        }

        // Port 9 (discard) on this machine: refused before any connection is tried, whichever way it is spelled.
        inputs.Add(new HostileInput("loopback-url", "http://127.0.0.1:9/car.jpg", "address_refused"));
        inputs.Add(new HostileInput("decimal-loopback-url", "http://2130706433:9/car.jpg", "address_refused"));
        inputs.Add(new HostileInput("mapped-loopback-url", "http://[::ffff:127.0.0.1]:9/car.jpg", "address_refused"));
        inputs.Add(new HostileInput("metadata-url", "http://169.254.169.254/latest/meta-data/", "address_refused"));
        inputs.Add(new HostileInput("redirect-to-file", redirectToFile, "redirect_refused"));
        if (withServerPaths)
        {
            inputs.Add(new HostileInput("device", "/dev/zero", "not_a_file"));
        }

        return inputs;
    }

    /// <summary>A manifest of one row: the input, labelled, so only its file can be wrong.</summary>
    public static string ManifestFor(HostileInput input) =>
        string.Create(CultureInfo.InvariantCulture, $"{Header}{input.Location},Test,Hostile,2020\n");

    private static byte[] Half(byte[] bytes) => bytes[..(bytes.Length / 2)];
}
