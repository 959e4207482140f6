using VehicleImages.Domain.Keys;

namespace VehicleImages.Api.Admin;

/// <summary>Scopes as the admin API and CLI write them: "api" and "admin".</summary>
public static class KeyScopeNames
{
    public static IReadOnlyList<string> Of(KeyScopes scopes) =>
        [.. Enum.GetValues<KeyScopes>().Where(s => s != KeyScopes.None && scopes.HasFlag(s)).Select(s => s.ToString().ToLowerInvariant())];

    public static bool TryParse(IEnumerable<string> names, out KeyScopes scopes, out string problem)
    {
        scopes = KeyScopes.None;
        problem = "";
        foreach (var name in names)
        {
            if (!Enum.TryParse<KeyScopes>(name, ignoreCase: true, out var scope) || scope == KeyScopes.None || !Enum.IsDefined(scope))
            {
                problem = $"Unknown scope '{name}'; use api, admin or both.";
                return false;
            }

            scopes |= scope;
        }

        return true;
    }
}
