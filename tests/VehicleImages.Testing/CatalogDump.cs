using System.Text;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using VehicleImages.Storage.Catalog.Sqlite;

namespace VehicleImages.Testing;

/// <summary>
/// A catalog's whole content (SQLite or PostgreSQL) as sorted text, for comparing two catalogs. Ingest times are left out:
/// they differ between any two runs and say nothing about what was catalogued.
/// </summary>
public static class CatalogDump
{
    private static readonly string[] Ignored = ["ingested_at"];

    public static async Task<string> OfAsync(string databasePath)
    {
        // Opening through the catalog first loads SQLite the way the service does (see SqliteNativeLibrary).
        await SqliteCatalog.OpenAsync(databasePath, CancellationToken.None);
        await using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        return await DumpAsync(connection);
    }

    public static async Task<string> OfPostgresAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return await DumpAsync(connection);
    }

    private static async Task<string> DumpAsync(DbConnection connection)
    {
        var dump = new StringBuilder();
        foreach (var table in new[] { "configurations", "images" })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM {table} ORDER BY id";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                dump.Append(table).Append(':');
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    if (Array.IndexOf(Ignored, reader.GetName(i)) >= 0)
                    {
                        continue;
                    }

                    var value = reader.GetValue(i);
                    dump.Append(' ').Append(reader.GetName(i)).Append('=').Append(value is byte[] bytes ? Convert.ToHexString(bytes) : value);
                }

                dump.AppendLine();
            }
        }

        return dump.ToString();
    }
}
