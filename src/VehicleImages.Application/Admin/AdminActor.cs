using VehicleImages.Domain.Keys;

namespace VehicleImages.Application.Admin;

/// <summary>Who is making an admin change: the admin key, by ID, name and prefix (never its secret).</summary>
public sealed record AdminActor(Guid KeyId, string Name, string Prefix)
{
    public static AdminActor Of(ApiKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new AdminActor(key.Id, key.Name, key.Prefix);
    }
}
