using System.Globalization;
using VehicleImages.Api.Admin;
using VehicleImages.Domain.Keys;

namespace VehicleImages.Cli.Terminal;

/// <summary>Keys as a plain table: one line each, never the secret.</summary>
internal static class KeyListView
{
    public static void Write(TextWriter writer, IReadOnlyList<ApiKey> keys)
    {
        if (keys.Count == 0)
        {
            writer.WriteLine("No keys yet: `keys create --name NAME` makes one.");
            return;
        }

        TextTable.Write(writer, ["ID", "PREFIX", "NAME", "PLAN", "SCOPES", "CREATED (UTC)", "REVOKED (UTC)"], keys.Select(k => new[]
        {
            k.Id.ToString(), k.Prefix + "…", k.Name, k.Plan, string.Join(",", KeyScopeNames.Of(k.Scopes)),
            k.CreatedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
            k.RevokedAt?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "",
        }));
    }
}
